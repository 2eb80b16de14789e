"""Whether a day that arrived in the watched folder may be sent without asking, and if not, why.

Sent automatically only when the owner opted in and nothing needs a person: the till balances (or the owner
already decided how to book the difference), the day isn't already in Xero with other figures, the file
names no shop or till never seen and no kind of sale or way of paying the shop doesn't know. The preflight
(run by the checklist before anything is written) is the last word: a refusal it foresees stops the run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DayArrived:
    """What is known of one day from a watched file, once its figures are kept."""

    send_automatically: bool  # the owner's choice
    difference_decided: bool  # the till balances, or the owner chose how to book the difference
    in_xero: bool  # the day's invoice is already in Xero
    figures_changed: bool  # ... and the new figures differ from what Xero holds
    finished: bool  # every step done: nothing to do
    questions: int = 0  # names the shop hasn't mapped yet
    new_place: bool = False  # a shop or till never seen for this organisation


SEND = ""  # the verdict that means: send it


def ask_why(arrived: DayArrived) -> str:
    """'' when the day may be sent now; otherwise why the owner is asked (words for the notification)."""
    if arrived.new_place:
        return "The file names a shop or till xerohelper hasn't seen for this organisation."
    if arrived.questions:
        return "The file uses names the shop setup doesn't know yet."
    if arrived.in_xero and arrived.figures_changed:
        return "Xero already has this day with different figures: check them and re-send if they are right."
    if not arrived.difference_decided:
        return "The money taken and the till's sales differ: decide how to book the difference."
    if not arrived.send_automatically:
        return "Its figures are kept, ready to send."
    return SEND


def nothing_to_do(arrived: DayArrived) -> bool:
    """The day is already in Xero with the same figures (or finished): leave it alone, say nothing."""
    return arrived.finished or (arrived.in_xero and not arrived.figures_changed)
