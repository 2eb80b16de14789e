"""Shop setup's small helps: the invoice-number pattern explained in words for the day being set up, a sales
row's tax rate following its account's own tax rate in Xero, and Enter in an "Another …" box adding the row
(never reaching the dialog's Save or the wizard's Next, which would close them and lose the typed name)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from xerohelper.core.dates import MONTHS, WEEKDAYS, long_date
from xerohelper.core.organisation_setup import OrganisationSetup


def _quiet_words(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def invoice_number_words(day: date) -> QLabel:
    return _quiet_words(
        "Each day's invoice needs a number of its own in Xero, so the pattern puts the day in it: "
        f"{{yyyymmdd}} becomes the day's date as digits ({day:%Y%m%d} for {long_date(day)}).",
        "invoice_number_words",
    )


def pattern_words(day: date) -> QLabel:
    return _quiet_words(
        f"In the number and the reference you can also use {{d}} {{month}} {{yyyy}} ({day.day} "
        f"{MONTHS[day.month - 1][:3]} {day.year}), {{weekday}} ({WEEKDAYS[day.weekday()][:3]}), "
        "{yyyy} {mm} {dd}, and {location} (the till's place, when you have several).",
        "pattern_hint",
    )


def tax_follows_account(setup: OrganisationSetup, account, tax) -> None:
    """A sales row's tax rate defaults from the chosen account's own tax rate in Xero (its TaxType), until
    the owner chooses another rate for the row themselves."""
    previous = setup.accounts.get(tax.property("follows_account") or "")
    chosen = setup.accounts.get(account.code())
    tax.setProperty("follows_account", account.code())
    followed = previous is not None and tax.tax_type() == previous.default_tax_type
    if chosen is not None and chosen.default_tax_type and (not tax.tax_type() or followed):
        index = tax.findData(chosen.default_tax_type)
        if index >= 0:
            tax.setCurrentIndex(index)


class EnterAdds(QObject):
    """Enter in `box` calls `add` and goes no further."""

    def __init__(self, box, add) -> None:
        super().__init__(box)
        self._add = add
        box.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._add()
            return True
        return False
