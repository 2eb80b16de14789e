"""The explanation card: what went wrong, in words a shop owner can act on, next to the Xero screen to fix it.

One Explanation is one thing to fix. It is made from a Xero error (cards.explain) or predicted before
anything is sent (preflight asks cards.explanation_for for the same card). It renders three
ways: the `explain --json` object (to_json_dict), plain text for the command line (as_text), and the text
behind "Copy for support" (support_text: Xero's own words, the status, the time — never a token).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum, StrEnum

from xerohelper.core.explain.redact import redact
from xerohelper.core.explain.screens import ScreenLink


@dataclass(frozen=True)
class SetupRow:
    """A row of xerohelper's Shop setup: a sales category, a way of paying, or one of the single settings."""

    kind: str  # SALES, TENDERS, ROUNDING, CONTACT or TILLS
    name: str = ""  # the category, tender or till ("Paint", "Amex", "Front"); empty for ROUNDING and CONTACT

    SALES = "sales"
    TENDERS = "tenders"
    ROUNDING = "rounding"
    CONTACT = "contact"
    TILLS = "tills"  # a till's tracking option


class Action(StrEnum):
    """What the owner does next. The values are part of the `explain --json` contract: keep them stable."""

    FIX_IN_XERO = "fix-in-xero"
    FIX_IN_APP = "fix-in-app"
    RECONNECT = "reconnect"
    RETRY_LATER = "retry-later"
    CONTACT_SUPPORT = "contact-support"

    @property
    def words(self) -> str:
        return _ACTION_WORDS[self]


_ACTION_WORDS = {
    Action.FIX_IN_XERO: "Fix it in Xero, then try again",
    Action.FIX_IN_APP: "Fix it in xerohelper, then try again",
    Action.RECONNECT: "Reconnect to Xero",
    Action.RETRY_LATER: "Wait, then try again",
    Action.CONTACT_SUPPORT: "Copy the details for support",
}


class Stage(IntEnum):
    """What to fix first when Xero gives several reasons: the connection, then the set-up (contact,
    accounts, tax), then lock dates, then the invoice, then the payments."""

    CONNECTION = 0
    SETUP = 1
    PERIOD = 2
    INVOICE = 3
    PAYMENT = 4
    APP = 5  # a problem in xerohelper itself: nothing for the owner to fix but to tell us
    UNKNOWN = 6


@dataclass(frozen=True)
class Explanation:
    title: str
    what_happened: str
    why: str  # why it usually happens
    steps: tuple[str, ...]  # in Xero's own menu words; numbered when shown
    action: Action
    screen: ScreenLink | None = None  # where "Open in Xero" goes
    xero_messages: tuple[str, ...] = ()  # Xero's own words, verbatim
    key: str = "unknown"  # the catalogue entry this came from
    stage: Stage = Stage.UNKNOWN
    priority: int = 0  # order within a stage
    status: int | None = None  # Xero's HTTP status; None when no answer came back (or when predicted)
    where: str = ""  # which payment, invoice, line… Xero turned down
    retry_after: int | None = None  # seconds until an automatic retry makes sense
    predicted: bool = False  # True when preflight predicted it before anything was sent
    occurred_at: datetime | None = None
    support_details: tuple[tuple[str, str], ...] = ()  # correlation id, rate-limit headers, technical cause
    setup_row: SetupRow | None = None  # the row of Shop setup it is about: the card offers to open it there

    @property
    def explanation(self) -> str:
        """What happened and why, as one text (the contract's `explanation`)."""
        return "\n\n".join(part for part in (self.what_happened, self.why) if part)

    @property
    def sort_key(self) -> tuple[int, int]:
        return (int(self.stage), self.priority)

    def to_json_dict(self) -> dict:
        """Exactly the `xerohelper explain --json` object."""
        return {
            "title": self.title,
            "explanation": self.explanation,
            "steps": list(self.steps),
            "action": str(self.action),
            "screen": self.screen.to_json_dict() if self.screen else None,
            "xero_messages": list(self.xero_messages),
        }

    def as_text(self) -> str:
        lines = [self.title, ""]
        if self.what_happened:
            lines += [f"What happened: {self.what_happened}"]
        if self.why:
            lines += [f"Why this usually happens: {self.why}"]
        if self.steps:
            lines += ["", "How to fix it:"]
            lines += [f"  {n}. {step}" for n, step in enumerate(self.steps, 1)]
        if self.screen:
            lines += ["", f"Open in Xero: {self.screen.name} ({self.screen.menu})", f"  {self.screen.url}"]
            if self.screen.hint:
                lines += [f"  {self.screen.hint}"]
        if self.xero_messages:
            lines += ["", "Xero said:"] + [f"  “{m}”" for m in self.xero_messages]
        return "\n".join(lines)

    def support_text(self) -> str:
        """What "Copy for support" copies: enough for us to help, and no tokens or passwords."""
        when = (
            self.occurred_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            if self.occurred_at
            else "unknown"
        )
        lines = [
            "xerohelper: details for support",
            f"When: {when}",
            f"Problem: {self.title} [{self.key}]",
        ]
        if self.predicted:
            lines.append("Found by xerohelper's check before sending (nothing was sent to Xero).")
        if self.where:
            lines.append(f"Which: {self.where}")
        status = "no answer from Xero" if self.status is None and not self.predicted else self.status
        if status is not None:
            lines.append(f"HTTP status: {status}")
        if self.xero_messages:
            lines.append("Xero's messages:")
            lines += [f"  - {m}" for m in self.xero_messages]
        for name, value in self.support_details:
            lines.append(f"{name}: {value}")
        lines.append(f"Suggested next step: {self.action.words} ({self.action})")
        if self.screen:
            lines.append(f"Xero screen: {self.screen.menu} — {self.screen.path}")
        return redact("\n".join(lines))


def render_text(explanations: tuple[Explanation, ...] | list[Explanation]) -> str:
    """The command line's human output: the thing to fix first in full, then the rest by title."""
    if not explanations:
        return ""
    first, rest = explanations[0], explanations[1:]
    text = first.as_text()
    if rest:
        text += "\n\nAfter that, Xero also mentioned:"
        for n, other in enumerate(rest, 2):
            which = f" ({other.where})" if other.where and other.where not in other.title else ""
            text += f"\n  {n}. {other.title}{which}"
            text += "".join(f"\n     “{m}”" for m in other.xero_messages)
    return text
