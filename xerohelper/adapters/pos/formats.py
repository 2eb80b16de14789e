"""The exports xerohelper reads, by the name used on the command line (`--format`)."""

from __future__ import annotations

from types import ModuleType

from xerohelper.adapters.pos import (
    generic,
    loyverse_receipts,
    shopify_payments,
    square_items,
    square_transactions,
)

READERS: dict[str, ModuleType] = {
    module.FORMAT: module
    for module in (generic, square_items, square_transactions, shopify_payments, loyverse_receipts)
}
FORMAT_NAMES = tuple(READERS)


def vendor_of(format_name: str) -> str:
    """The till a format comes from ("square" for both Square exports): names are remembered per till."""
    module = READERS.get(format_name)
    return module.VENDOR if module is not None else format_name
