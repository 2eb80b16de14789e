"""Each till's tracking in Xero: which tracking category the shop's tills are tracked under and which of its
options each till uses, checked against what the organisation really has (pure rules, no Qt, no Xero).

Xero takes an invoice whose tracking option it doesn't know and leaves the tracking out without a word, so
an option that was archived or deleted in Xero is said here (Shop setup) and before a day is sent
(preflight), with the Xero screen to put it right.
"""

from __future__ import annotations

from collections.abc import Mapping as Lookup
from collections.abc import Sequence
from dataclasses import dataclass

from xerohelper.core.explain import Action, Explanation, SetupRow, Stage, open_in_xero
from xerohelper.core.mapping import Tracking

TRY_AGAIN = "Come back to xerohelper and click “I've fixed it — try again”."
WHERE_IN_XERO = "In Xero, go to Accounting > Advanced > Tracking categories."


@dataclass(frozen=True)
class TrackingCategoryInfo:
    """One of the organisation's tracking categories, as Xero has it."""

    name: str
    category_id: str = ""
    status: str = "ACTIVE"  # ACTIVE / ARCHIVED
    options: tuple[str, ...] = ()  # its active options, as Xero lists them
    archived_options: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return self.status == "ACTIVE"


def active_categories(choices: Sequence[TrackingCategoryInfo]) -> list[TrackingCategoryInfo]:
    return [c for c in choices if c.active]


def category_named(choices: Sequence[TrackingCategoryInfo], name: str) -> TrackingCategoryInfo | None:
    return next((c for c in choices if c.name == name), None)


def tracking_chosen(category: str, options: Lookup[str, str]) -> Tracking | None:
    """The Mapping's tracking from Shop setup's choices (None: the tills aren't tracked)."""
    chosen = {till: option for till, option in options.items() if option}
    return Tracking(category, chosen) if category and chosen else None


def till_problems(
    tracking: Tracking | None, choices: Sequence[TrackingCategoryInfo], short_code: str | None
) -> dict[str, Explanation]:
    """Each till whose chosen option Xero would drop (archived, deleted, or its category gone), explained."""
    if tracking is None:
        return {}
    found = {}
    for till, option in sorted(tracking.option_by_location.items()):
        card = option_problem(choices, tracking.category_name, option, till, short_code)
        if card is not None:
            found[till] = card
    return found


def option_problem(
    choices: Sequence[TrackingCategoryInfo], category: str, option: str, till: str, short_code: str | None
) -> Explanation | None:
    """Why Xero would drop `till`'s tracking `category: option` (None: Xero has it, active)."""
    known = category_named(choices, category)
    if known is not None and known.active and option in known.options:
        return None
    if known is None or not known.active:
        gone = "was archived" if known is not None else "is no longer there (deleted or renamed)"
        return _card(
            f"The tracking category “{category}” {gone} in Xero",
            f"Shop setup tracks the till “{till}” under the tracking category “{category}”, which {gone} "
            "in Xero. Xero would take the till's invoices but leave their tracking out, without a word.",
            "Someone tidied up the tracking categories in Xero.",
            (
                WHERE_IN_XERO,
                f"Restore “{category}”, or in xerohelper's Shop setup choose the category and option "
                f"“{till}” is tracked under now.",
                TRY_AGAIN,
            ),
            till,
            known,
            short_code,
        )
    if option in known.archived_options:
        return _card(
            f"The tracking option “{option}” was archived in Xero",
            f"Shop setup tracks the till “{till}” as “{category}: {option}”, and that option was archived "
            "in Xero. Xero would take the till's invoices but leave their tracking out, without a word.",
            "Someone archived the option in Xero, perhaps when the till was moved or renamed.",
            (
                WHERE_IN_XERO,
                f"Open “{category}” and restore “{option}”, or choose another option for “{till}” in "
                "xerohelper's Shop setup.",
                TRY_AGAIN,
            ),
            till,
            known,
            short_code,
        )
    return tracking_missing(category, option, till, short_code, known)


def tracking_missing(
    category: str,
    option: str,
    till: str,
    short_code: str | None,
    known: TrackingCategoryInfo | None = None,
) -> Explanation:
    """The day's card (preflight) when Xero has no active option `option` under `category`."""
    return _card(
        f"Xero has no tracking option “{option}” under “{category}”",
        f"Shop setup tracks the till “{till}” as “{category}: {option}”, and Xero has no such active "
        "tracking option. Xero would take the invoice but leave its tracking out, without a word.",
        "The option was renamed, archived or deleted in Xero, or Shop setup names one that was never made.",
        (
            WHERE_IN_XERO,
            f"Add (or restore) the option “{option}” under “{category}”, or choose another option for "
            f"“{till}” in xerohelper's Shop setup.",
            TRY_AGAIN,
        ),
        till,
        known,
        short_code,
    )


def no_tracking_categories(short_code: str | None) -> Explanation:
    """The organisation has no tracking category: what tracking is for, and where in Xero to add one."""
    return Explanation(
        title="Your Xero organisation has no tracking categories yet",
        what_happened=(
            "Tracking lets Xero show each till's (or each shop's) takings on its own: the Profit and Loss "
            "and other reports can then be run by till. xerohelper puts each till's sales summary under "
            "the tracking option you choose here. Without it, your tills' invoices still go to Xero, each "
            "with its own number and reference, just not tracked."
        ),
        why="Tracking categories are made in Xero; a new organisation has none.",
        steps=(
            WHERE_IN_XERO,
            "Click “Add tracking category”, name it (for example “Till”) and add an option for each of your "
            "tills, then save.",
            "Come back to xerohelper and click “I've fixed it — try again” to choose them here.",
        ),
        action=Action.FIX_IN_XERO,
        screen=open_in_xero("tracking_categories", short_code),
        key="no-tracking-categories",
        stage=Stage.SETUP,
        predicted=True,
    )


def _card(
    title: str,
    what: str,
    why: str,
    steps: tuple[str, ...],
    till: str,
    known: TrackingCategoryInfo | None,
    short_code: str | None,
) -> Explanation:
    category_id = known.category_id if known is not None and known.category_id else None
    return Explanation(
        title=title,
        what_happened=what,
        why=why,
        steps=steps,
        action=Action.FIX_IN_XERO,
        screen=open_in_xero("tracking_category", short_code, TrackingCategoryID=category_id),
        key="tracking-option-missing",
        stage=Stage.SETUP,
        predicted=True,
        setup_row=SetupRow(SetupRow.TILLS, till),
    )
