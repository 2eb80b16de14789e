"""An explanation card as plain data and back, so a problem found with a day (predicted before sending, or
Xero's refusal) is still shown after a restart with the same words, steps and "Open in Xero" screen
(services/day/needs_attention.py keeps it in the journal).

    as_kept(explanation) -> dict      JSON-ready
    from_kept(data) -> Explanation    the same card again; a screen no longer known falls back to none
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from xerohelper.core.explain.explanation import Action, Explanation, SetupRow, Stage
from xerohelper.core.explain.screens import SCREENS, ScreenLink

_PLAIN = ("title", "what_happened", "why", "key", "priority", "status", "where", "retry_after", "predicted")


def as_kept(explanation: Explanation) -> dict:
    data: dict = {name: getattr(explanation, name) for name in _PLAIN}
    data["steps"] = list(explanation.steps)
    data["action"] = explanation.action.value
    data["stage"] = int(explanation.stage)
    data["xero_messages"] = list(explanation.xero_messages)
    data["support_details"] = [list(pair) for pair in explanation.support_details]
    data["occurred_at"] = explanation.occurred_at.isoformat() if explanation.occurred_at else None
    data["setup_row"] = asdict(explanation.setup_row) if explanation.setup_row else None
    link = explanation.screen
    data["screen"] = (
        {"key": link.screen.key, "path": link.path, "url": link.url, "hint": link.hint} if link else None
    )
    return data


def from_kept(data: dict) -> Explanation:
    link = data.get("screen")
    screen = None
    if link and link.get("key") in SCREENS:
        screen = ScreenLink(SCREENS[link["key"]], link["path"], link["url"], link.get("hint", ""))
    row = data.get("setup_row")
    when = data.get("occurred_at")
    return Explanation(
        **{name: data[name] for name in _PLAIN if name in data},
        steps=tuple(data.get("steps", ())),
        action=Action(data["action"]),
        stage=Stage(data.get("stage", Stage.UNKNOWN)),
        xero_messages=tuple(data.get("xero_messages", ())),
        support_details=tuple(tuple(pair) for pair in data.get("support_details", ())),
        occurred_at=datetime.fromisoformat(when) if when else None,
        setup_row=SetupRow(**row) if row else None,
        screen=screen,
    )
