"""The owner's answers to "the till calls a payment type “Visa”: which of yours is it?", kept so the next
import from the same till asks nothing and puts the till's names into the shop's (core.pos_source_mapping;
the file is adapters/pos/source_names_store.py). Blocking (a file in the settings folder)."""

from __future__ import annotations

from xerohelper.adapters.pos.source_names_store import SourceNamesStore, SourceNamesUnreadable
from xerohelper.core.pos_source_mapping import PosSourceMapping


def remember_till_names(
    source: str,
    *,
    categories: dict[str, str] | None = None,
    tenders: dict[str, str] | None = None,
    names_store: SourceNamesStore | None = None,
) -> PosSourceMapping:
    """Keep the answers (the till's name → the shop's name) for `source` ("square", "shopify"…)."""
    store = names_store or SourceNamesStore.for_this_user()
    try:
        names = store.load()
    except SourceNamesUnreadable:
        names = PosSourceMapping()  # the damaged file is replaced by the answers given now
    names = names.remember(source, categories=categories, tenders=tenders)
    store.save(names)
    return names
