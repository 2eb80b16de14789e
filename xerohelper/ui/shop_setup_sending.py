"""Shop setup's two choices about sending: whether the day's sales go to Xero as a draft for the owner to
check or approved straight away (with the payments), and whether xerohelper sends one invoice a day or one a
week (the way to stay within a Xero plan that caps the approved invoices a month, which it says when so).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QRadioButton

from xerohelper.core.plan_limit import monthly_cap
from xerohelper.ui import look
from xerohelper.ui.shop_setup_rows import either_or


def approval_box(approve_automatically: bool) -> tuple[QGroupBox, QRadioButton, QRadioButton]:
    """The box, its “draft” and its “approve automatically” buttons."""
    draft = "Send as a draft &for me to check, then I approve it"  # Alt+D: the Day menu
    approve = "&Approve automatically and record the payments straight away"
    box, (draft_radio, approve_radio) = either_or(
        "When xerohelper sends the day's sales",
        "approval_box",
        (draft, "draft_radio", "Send as a draft for me to check"),
        (approve, "approve_radio", "Approve automatically"),
        second=approve_automatically,
    )
    return box, draft_radio, approve_radio


def summary_box(weekly: bool, plan_class: str) -> tuple[QGroupBox, QRadioButton, QRadioButton]:
    """One invoice a day, or one a week (for Xero plans that cap approved invoices a month): the box, its
    “a day” and its “a week” buttons."""
    box, (day_radio, week_radio) = either_or(
        "How often xerohelper sends a sales summary",
        "summary_box",
        ("One invoice a da&y", "day_radio", "One invoice a day"),
        (
            "One invoice a &week (Monday to Sunday, each day on its own lines; payments still dated on "
            "the day they were taken)",
            "week_radio",
            "One invoice a week",
        ),
        second=weekly,
    )
    cap = monthly_cap(plan_class)
    if cap is not None:
        plan, limit = cap
        hint = look.secondary(
            QLabel(
                f"Your Xero plan ({plan}) approves {limit} sales invoices a month: one invoice a day "
                "would go over it. One a week fits (at most six a month)."
            )
        )
        hint.setObjectName("plan_cap_hint")
        hint.setWordWrap(True)
        box.layout().addWidget(hint)
    return box, day_radio, week_radio
