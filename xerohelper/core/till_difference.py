"""Till differences: the money taken (the tenders) and the till's sales rarely agree to the cent on real days.

Nothing is sent while they differ and the owner hasn't decided. The owner either corrects the figures, or
agrees to book the difference on the shop's till difference (over/short) account: one line without tax on
the day's sales summary, so the invoice's total equals the money taken and the tenders pay it in full.
"""

from __future__ import annotations

from decimal import Decimal

from xerohelper.core.day import Day
from xerohelper.core.explain import Action, Explanation, Stage
from xerohelper.core.money import ZERO, money_words

ACCEPT_FLAG = "--accept-difference"  # how `xerohelper day run` is told to book it


def over_or_short(difference: Decimal) -> str:
    """'over' when more money was taken than sold, 'short' when less."""
    return "over" if difference > ZERO else "short"


def line_description(difference: Decimal) -> str:
    """The words on the sales summary's till difference line."""
    return f"Till difference ({over_or_short(difference)})"


def difference_words(day: Day) -> str:
    """The difference in words; '' when the till balances."""
    difference = day.till_difference
    if difference == ZERO:
        return ""
    totals = day.totals
    more_or_less = "more" if difference > ZERO else "less"
    return (
        f"The money taken ({money_words(totals.tendered)}) is {money_words(abs(difference))} "
        f"{more_or_less} than the till's sales ({money_words(totals.gross)}): the till is "
        f"{over_or_short(difference)}."
    )


def undecided_words(day: Day) -> str:
    """Why the day waits for the owner; '' when there is nothing to decide."""
    if day.difference_decided:
        return ""
    return (
        f"{difference_words(day)} Nothing is sent until you decide: book the "
        f"{money_words(abs(day.till_difference))} on the till difference account, or correct the figures."
    )


def accepted_words(day: Day) -> str:
    """What will happen to an accepted difference; '' when there is none."""
    if day.till_difference == ZERO or not day.difference_decided:
        return ""
    return (
        f"{difference_words(day)} You chose to book the {money_words(abs(day.till_difference))} on the till "
        "difference account (a line without tax on the sales summary), so the invoice equals the money taken."
    )


def undecided_card(day: Day) -> Explanation:
    """The card shown before step 1 while the owner hasn't decided about the difference."""
    amount = money_words(abs(day.till_difference))
    return Explanation(
        title=f"The till is {over_or_short(day.till_difference)} by {amount}",
        what_happened=difference_words(day) + " Nothing has been sent to Xero.",
        why=(
            "Cash counted wrongly, change given wrongly, a card payment keyed twice or a sale rung up "
            "without its payment. If Xero were sent the sales and these payments, the invoice would "
            + (
                "be left with money owing."
                if day.till_difference < ZERO
                else "be overpaid and Xero would refuse a payment."
            )
        ),
        steps=(
            "Check the Z report and the cash count.",
            "If a figure was typed or exported wrongly, correct it and import the day again.",
            f"If the figures are right, book the {amount} on the till difference account: click “Book "
            f"the difference” (from the command line: xerohelper day run … {ACCEPT_FLAG}).",
        ),
        action=Action.FIX_IN_APP,
        key="till-difference",
        stage=Stage.SETUP,
        predicted=True,
    )


def money_owing_card(invoice_number: str, amount_due: Decimal) -> Explanation:
    """Every tender is recorded, yet Xero says money is still owing on the day's invoice."""
    return Explanation(
        title=f"{money_words(amount_due)} is still owing on invoice {invoice_number}",
        what_happened=(
            f"All the day's tenders are recorded in Xero, but invoice {invoice_number} still has "
            f"{money_words(amount_due)} to pay, so the day isn't finished."
        ),
        why=(
            "The invoice was changed in Xero after it was sent, a payment was removed there, or the day was "
            "sent before xerohelper booked till differences."
        ),
        steps=(
            f"In Xero, open invoice {invoice_number}; compare its total and payments with the day's takings.",
            "If a payment is missing, add it in Xero (or remove the wrong one), then click “I've fixed it — "
            "try again”.",
            "If the amount owing is right (a customer pays later), skip this step in xerohelper.",
        ),
        action=Action.FIX_IN_XERO,
        key="money-still-owing",
        stage=Stage.PAYMENT,
        predicted=True,
    )
