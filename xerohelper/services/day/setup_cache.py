"""The organisation's set-up as a day's run needs it: its accounts, tax rates and sales contact, read from
Xero once and then trusted for half an hour (the day screen reads it when it opens, so a day's run needs no
set-up reads of its own). "Check again" and a changed Shop setup forget it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from xerohelper.adapters.xero_books import XeroBooks
from xerohelper.core.mapping import Mapping
from xerohelper.core.organisation_setup import ContactInfo, OrganisationSetup
from xerohelper.core.plan_limit import PlanAllowance, monthly_cap

SETUP_MAX_AGE = 30 * 60  # seconds the organisation's accounts, tax rates and contact are trusted


class SetupCache:
    def __init__(self, mapping: Callable[[], Mapping], clock: Callable[[], float] = time.monotonic) -> None:
        self._mapping = mapping
        self._clock = clock
        self._kept: tuple[float, OrganisationSetup, ContactInfo | None] | None = None
        self._counted: dict[tuple[int, int], tuple[float, PlanAllowance]] = {}

    def is_fresh(self) -> bool:
        return self._kept is not None and self._clock() - self._kept[0] < SETUP_MAX_AGE

    def read(
        self, books: XeroBooks, *, with_tracking: bool = True
    ) -> tuple[OrganisationSetup, ContactInfo | None]:
        """The kept set-up while it is fresh; else read from Xero (raises what the books raise).

        with_tracking=False (Shop setup, which reads the tracking categories on its own so that a failure
        there leaves the rest usable): a tracked shop's set-up is then read without its tracking and not
        kept, since a day's run must check each till's option against it."""
        kept = self._kept
        if kept is not None and self._clock() - kept[0] < SETUP_MAX_AGE:
            return kept[1], kept[2]
        setup = books.read_setup()
        mapping = self._mapping()
        contact = books.find_contact(mapping.customer_contact)
        if mapping.tracking is not None and not with_tracking:
            return setup, contact
        if mapping.tracking is not None:  # tills tracked: Xero drops an option it doesn't know, silently
            choices = tuple(books.read_tracking_choices())
            active = {c.name: c.options for c in choices if c.active}
            setup = replace(setup, tracking=active, tracking_choices=choices)
        self._kept = (self._clock(), setup, contact)
        return setup, contact

    def allowance(self, books: XeroBooks, month: tuple[int, int]) -> PlanAllowance | None:
        """What the organisation's plan may still approve in `month` (None: its plan has no cap). Read with
        the set-up: one call per month while it is fresh, then counted on as xerohelper approves."""
        setup, _ = self.read(books)
        cap = monthly_cap(setup.plan_class)
        if cap is None:
            return None
        kept = self._counted.get(month)
        if kept is not None and self._clock() - kept[0] < SETUP_MAX_AGE:
            return kept[1]
        # Credit notes counted too: Xero doesn't say whether its cap counts them, so to be safe they do.
        approved = books.approved_sales_invoices(*month) + books.approved_sales_credit_notes(*month)
        allowance = PlanAllowance(cap[0], cap[1], month, approved)
        self._counted[month] = (self._clock(), allowance)
        return allowance

    def approved(self, month: tuple[int, int], count: int = 1) -> None:
        """xerohelper just had `count` sales invoices dated in `month` approved: count them off."""
        kept = self._counted.get(month)
        if kept is not None:
            self._counted[month] = (kept[0], kept[1].with_approved(count))

    def forget(self) -> None:
        self._kept = None
        self._counted.clear()
