"""The main window's menus and what they open: catch-up, history, shop setup, connection and settings,
about; a menu's work that fails is said in the status bar."""

from __future__ import annotations

from xerohelper.core.setup_flow import Page  # plain Python
from xerohelper.ui.background import run_in_background
from xerohelper.ui.main_window_sign_in import in_words, is_reconnect


class WindowMenus:
    """The main window's menus (a mixin of MainWindow: it uses the window's session, day screen and status
    bar)."""

    def _build_menus(self) -> None:
        day_menu = self.menuBar().addMenu("&Day")
        self.today_action = day_menu.addAction("&Today's takings", lambda: self.show_day_screen())
        self.catch_up_action = day_menu.addAction("&Catch up missed days…", lambda: self.catch_up())
        self.history_action = day_menu.addAction("&History…", self.show_history)
        day_menu.addSeparator()
        day_menu.addAction("&Quit", self.quit_app)
        settings_menu = self.menuBar().addMenu("&Settings")
        self.shop_setup_action = settings_menu.addAction("&Shop setup…", lambda: self.show_shop_setup())
        self.settings_action = settings_menu.addAction("&Connection and settings…", self.show_settings)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction("&About xerohelper, logs and support report…", self.show_about)
        self._menus_need_connection = (
            self.today_action,
            self.catch_up_action,
            self.history_action,
            self.shop_setup_action,
        )
        self._enable_menus(False)

    def _enable_menus(self, connected: bool) -> None:
        for action in self._menus_need_connection:
            action.setEnabled(connected)

    def catch_up(self, on_start: bool = False) -> None:
        """The list of days imported but not in Xero, for the owner to confirm (on start: only when there
        are some, and quietly when there are none)."""
        if not on_start:
            self.statusBar().showMessage("Looking for days not yet in Xero…")
        run_in_background(
            self.session.catch_up_list,
            on_done=lambda rows: self._catch_up_days(rows, on_start),
            on_failed=(lambda _error: None) if on_start else self._menu_failed,
        )

    def _catch_up_days(self, rows, on_start: bool = False) -> None:
        from xerohelper.ui.catch_up_dialog import CatchUpDialog

        if on_start and (not rows or self.findChild(CatchUpDialog) is not None):
            return
        self.statusBar().clearMessage()
        if not rows:
            self.statusBar().showMessage("Nothing to catch up: no imported day is waiting to be sent.", 8000)
            return
        dialog = CatchUpDialog(self.session, rows, self)
        dialog.go_to_till_day.connect(lambda day, till: self.show_day_screen(day, till))
        dialog.reconnect_needed.connect(lambda error: self.show_reconnect(error.reason))
        dialog.finished.connect(lambda _result: self.day_screen.refresh() if self.day_screen else None)
        dialog.open()

    def show_history(self) -> None:
        from PySide6.QtWidgets import QDialog, QVBoxLayout

        from xerohelper.ui import look
        from xerohelper.ui.history_view import HistoryView

        dialog = QDialog(self)
        dialog.setWindowTitle("History — the days in Xero")
        look.fit_to_screen(dialog, 900, 520)
        view = HistoryView(self.session, dialog)
        QVBoxLayout(dialog).addWidget(view)
        view.go_to_day.connect(lambda day: (dialog.accept(), self.show_day(day)))
        dialog.open()

    def show_shop_setup(self, row=None) -> None:
        """Shop setup; `row` (a SetupRow a card is about) is the row it opens at."""
        from xerohelper.ui.shop_setup import ShopSetupDialog

        dialog = ShopSetupDialog(self.session, self)
        if row is not None:
            dialog.show_row(row)
        dialog.saved.connect(lambda _mapping: self.day_screen.refresh() if self.day_screen else None)
        dialog.open()

    def show_settings(self) -> None:
        from xerohelper.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session, self)
        dialog.disconnected.connect(self._disconnected)
        dialog.connect_requested.connect(lambda: (dialog.accept(), self.start_connecting()))
        dialog.everyday_box.saved.connect(
            lambda _state: self.start_everyday() if self.everyday_watch else None
        )
        dialog.open()

    def _disconnected(self, result) -> None:
        self.show_organisation(None, False)
        self.statusBar().showMessage(result.words, 12000)
        self._go_to(Page.WELCOME)

    def show_about(self) -> None:
        from xerohelper.ui.about_dialog import AboutDialog

        AboutDialog(self.session, self).open()

    def show_day(self, day) -> None:
        self.show_day_screen(day)

    def _menu_failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        if is_reconnect(error):
            self.show_reconnect(error.reason)
            return
        title, words, next_step = in_words(error)
        self.statusBar().showMessage(f"{title}: {words} {next_step}", 15000)
