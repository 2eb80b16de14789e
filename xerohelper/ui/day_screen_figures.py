"""The day's figures on the day screen: import a till file (asking about a shop or till never seen here,
then about till names the shop doesn't use), type the Z report, and book the till difference."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from xerohelper.ui.z_report_dialog import ZReportDialog


def new_places_question(places: list[str], organisation: str, parent=None) -> tuple[QMessageBox, QPushButton]:
    """The question about a till file of a shop or till never seen for this organisation, and its Keep
    button (built apart from asking it, so the accessibility walk can read it)."""
    names = ", ".join(f"“{p}”" for p in places)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "A shop or till xerohelper hasn't seen here",
        f"This till file is for {names}, which xerohelper has never sent to {organisation}.",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(
        "Check that you are connected to the right organisation. If this is a new till of this shop, "
        "keep the figures; nothing is sent until you click the send button."
    )
    keep = box.addButton("&Keep the figures", QMessageBox.ButtonRole.AcceptRole)
    return box, keep


class FigureActions:
    """What the POS card starts (a mixin of DayScreen; runs work by `_start`)."""

    def _import(self, path: Path) -> None:
        if self.busy or self.trading_date is None:
            return
        session = self.session
        self._pos_card.clear_problem()
        self._start(
            lambda _progress: session.import_days(path),
            words=f"Reading {path.name}…",
            after=self._imported,
        )

    def _import_sample(self) -> None:
        """The demo: the demo till's export for the day shown, written and imported in the background."""
        if self.busy or self.trading_date is None:
            return
        session, day = self.session, self.trading_date
        self._pos_card.clear_problem()
        self._start(
            lambda _progress: session.import_days(session.demo_day_file(day)),
            words="Reading the demo till's day…",
            after=self._imported,
        )

    def confirm_new_places(self, places: list[str], organisation: str) -> bool:
        """A till file of a shop or till never seen for this organisation: keep it? (tests replace this)"""
        box, keep = new_places_question(places, organisation, self)
        box.exec()
        return box.clickedButton() is keep

    def _imported(self, answer, ask: bool = True) -> None:
        """Every day of the file is kept (or left alone, when Xero has it already): say which. A shop or
        till never seen for this organisation is asked about first; names the till uses that the shop
        doesn't are asked about after (`ask`)."""
        outcome, found, new_places = answer
        if not outcome.ok:
            self._pos_card.show_problem(outcome.message())
            return
        if new_places:
            organisation = self.snapshot.organisation_name if self.snapshot else "this organisation"
            if not self.confirm_new_places(new_places, organisation):
                self._pos_card.show_problem(
                    f"Not kept: {outcome.file.name} is for {', '.join(new_places)}, never sent to "
                    f"{organisation}. Nothing was kept or sent."
                )
                return
            session, days = self.session, outcome.days
            self._start(
                lambda _progress: session.keep_days(days),
                words="Keeping the day's figures…",
                after=lambda kept: self._say_imported(outcome, kept, ask),
            )
            return
        self._say_imported(outcome, found, ask)

    def _say_imported(self, outcome, found, ask: bool = True) -> None:
        from xerohelper.services.catch_up import found_words

        notes = [*found_words(found, self.trading_date), *outcome.notes]
        for question in outcome.questions:
            hint = f" (probably “{question.suggestion}”)" if question.suggestion else ""
            notes.append(question.text() + hint)
        self._pos_card.show_imported(outcome.file.name, notes)
        if ask and outcome.questions and outcome.source and self.snapshot is not None:
            self._ask_till_names(outcome)

    def _ask_till_names(self, outcome) -> None:
        """Which of the shop's names each new till name is: remembered, then the file read again with them."""
        from xerohelper.ui.shop_setup_till_names import TillNamesDialog

        dialog = TillNamesDialog(outcome.questions, self.snapshot.categories, self.snapshot.tenders, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.till_names_dialog = dialog
        session, source, path = self.session, outcome.source, outcome.file

        def remember() -> None:
            categories, tenders = dialog.answers()
            if not categories and not tenders:
                return

            def work(_progress):
                session.remember_till_names(source, categories, tenders)
                outcome = session.import_file(path)  # read again, in the shop's names now
                found = session.keep_days(outcome.days) if outcome.ok else []
                return outcome, found, []

            self._start(
                work,
                words="Remembering your till's names…",
                after=lambda again: self._imported(again, ask=False),  # new names: mapped in Shop setup
            )

        dialog.accepted.connect(remember)
        dialog.open()

    def _type_z_report(self) -> None:
        if self.busy or self.snapshot is None:
            return
        snapshot = self.snapshot
        dialog = ZReportDialog(
            snapshot.trading_date,
            snapshot.categories,
            snapshot.tenders,
            today=snapshot.today,
            day=snapshot.day,
            location=self.location,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.keep_day(dialog.day))
        dialog.destroyed.connect(self._forget_z_report_dialog)
        self.z_report_dialog = dialog
        dialog.open()

    def _forget_z_report_dialog(self, *_) -> None:
        self.z_report_dialog = None

    def keep_day(self, day) -> None:
        """Keep typed figures for the day (the Z-report dialog's result)."""
        if day is None:
            return
        self._pos_card.clear_problem()
        session = self.session
        self._start(lambda _progress: session.save_day(day), words="Keeping the day's totals…")

    def accept_difference(self) -> None:
        """Book the day's till difference on the till difference account (the POS card's button)."""
        if self.busy or self.trading_date is None:
            return
        session, day, place = self.session, self.trading_date, self.location
        self._start(
            lambda _progress: session.accept_difference(day, place), words="Booking the till difference…"
        )
