"""The catalogue's entries about tax rates and currencies."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import TRY_AGAIN, A, Entry, S, entry
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.TAX)

ENTRIES: tuple[Entry, ...] = (
    # ---- set-up: tax and currency --------------------------------------------------------------------------
    _entry(
        "tax-rate-not-valid",
        r"\bTax rate must be valid",
        title=(
            "The tax rate “{tax_type}” can't be used here",
            "A tax rate xerohelper uses isn't valid in Xero",
        ),
        what="Xero turned down {where|a line} because of its tax rate.",
        why="The tax rate was archived or deleted in Xero, or it's a rate for purchases rather than sales.",
        steps=(
            "In Xero, go to Accounting > Advanced > Tax rates and check the sales tax rates you use are "
            "active.",
            "In xerohelper's Shop setup, choose a sales tax rate for each category.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="tax_rates",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "tax-type-not-accepted",
        r"The TaxType code '?(?P<tax_type>.+?)'? does not exist or cannot be used",
        r"The TaxType code '?(?P<tax_type>.+?)'? is not valid",
        title="Xero doesn't accept the tax rate “{tax_type}” here",
        what="Xero turned down {where|a line} because its tax rate, “{tax_type}”, doesn't exist in your "
        "organisation or can't be used on a sales invoice.",
        why="The tax rate was renamed, archived or deleted in Xero, or it's a rate for purchases rather "
        "than sales.",
        steps=(
            "In Xero, go to Accounting > Advanced > Tax rates and check which sales tax rates are active.",
            "In xerohelper's Shop setup, choose the right sales tax rate for each category.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="tax_rates",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "tax-bigger-than-line",
        r"tax amount cannot be greater than the line amount",
        title="A line's tax came out bigger than the line itself",
        what="Xero turned down {where|the day's invoice} because the tax on a line is more than the line's "
        "amount.",
        why="Usually prices are set up as including tax in the till but sent as excluding tax (or the other "
        "way round), or a refund line has the wrong sign.",
        steps=(
            "In xerohelper's settings, check whether your till's prices include tax.",
            "Check the tax rate of each sales category in xerohelper's Shop setup.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="tax_rates",
        stage=S.SETUP,
        priority=3,
    ),
    _entry(
        "currency-not-used",
        r"not subscribed to currency (?P<currency>[A-Z]{3})",
        topic=Topic.CURRENCY,
        title="Your Xero organisation doesn't use {currency}",
        what="Xero turned down {where|the day's invoice} because it is in {currency}, a currency your "
        "organisation hasn't added.",
        why="The day was sent in a currency other than your organisation's own, or the currency hasn't "
        "been added in Xero.",
        steps=(
            "Check that xerohelper's currency setting is your organisation's own currency.",
            "If you do trade in {currency}, add it in Xero: Accounting > Advanced > Currencies (some Xero "
            "plans don't include other currencies).",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="currencies",
        stage=S.SETUP,
        priority=3,
    ),
    _entry(
        "currency-rate-missing",
        r"A currency rate must be specified",
        topic=Topic.CURRENCY,
        title="The day's sales are in a different currency from your organisation's",
        what="Xero turned down {where|the day's invoice} because it is in another currency and no "
        "exchange rate was given.",
        why="xerohelper's currency setting doesn't match your Xero organisation's own currency.",
        steps=(
            "In xerohelper's settings, set the currency to your organisation's own currency.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="currencies",
        stage=S.SETUP,
        priority=3,
    ),
)
