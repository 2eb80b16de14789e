"""The main window: the set-up wizard on first run, the day screen every day after, and the reconnect
page when Xero ends the connection. The window appears at once; the SDK, the keyring and the journal are
loaded afterwards on a worker thread (AppSession.open).

When the app starts (`pages_later`), the first frame is only the window and its title: the pages, the
menus, the status bar and what they import (Qt's namespace of enums alone takes ~20 ms to load, and
PySide6 reads the source of each module imported after it) are built once that frame has been drawn.

This file holds the window and its pages; signing in and reconnecting are in ui/main_window_sign_in.py, the
menus and what they open in ui/main_window_menus.py."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from xerohelper.core.setup_flow import Page, Trouble  # plain Python
from xerohelper.ui.background import run_in_background
from xerohelper.ui.main_window_menus import WindowMenus
from xerohelper.ui.main_window_sign_in import NOT_CONNECTED, SigningIn, in_words, is_reconnect, window_title

if TYPE_CHECKING:
    from xerohelper.services.app_session import AppSession, FirstLook

log = logging.getLogger(__name__)
OPEN_AFTER_MS = 60
PAGES_AT_THE_LATEST_MS = 250  # built by then even if the first frame is never drawn (a minimised start)
CLOSE_WAIT_MS = 10_000  # at most this long for work under way when the window closes


class MainWindow(SigningIn, WindowMenus, QMainWindow):
    pages_built = Signal()  # with `pages_later`: the first frame has been drawn and the pages are there
    notice_found = Signal(str)  # words for the owner (a damaged file set aside), from any thread
    tray_factory = None  # makes the Tray (ui/tray.py); a test may put one it can observe

    def __init__(
        self,
        demo: bool = False,
        session: AppSession | None = None,
        open_session: bool = True,
        pages_later: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.session = session  # made (with the heavy parts) once the window is up: see open_session
        self.demo = session.demo if session is not None else demo
        self.organisation_name: str | None = None
        self.day_screen = None
        self.first_look: FirstLook | None = None
        self._cancel_connect: threading.Event | None = None
        self._open_session_after_pages = open_session
        self._notice_listener = None
        self.everyday_watch = (
            None  # the tray, watched folder and reminder: made once connected (ui/everyday.py)
        )
        self.tray = None  # the tray icon (ui/tray_start.py): at start with --in-tray, else once connected
        self.started_in_tray = False  # the app started in the tray: the window shows when asked for
        self._quitting = False
        self.pages = None  # the stack of pages, once built (see _build_pages)
        self.setWindowTitle(window_title(None, self.demo))
        self.setMinimumSize(720, 480)
        free = self.screen().availableGeometry()  # smaller on a small screen (1024×600): pages scroll
        self.resize(min(1100, free.width() - 16), min(720, free.height() - 40))  # look.fitted_size's frame
        if pages_later:  # the first frame: the window and its title (a status bar alone takes ~7 ms)
            QTimer.singleShot(PAGES_AT_THE_LATEST_MS, self._build_pages)
        else:
            self._build_pages()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.pages is None:  # the first frame is on the screen: now the pages
            QTimer.singleShot(0, self._build_pages)

    def _build_pages(self) -> None:
        if self.pages is not None:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel, QStackedWidget

        from xerohelper.ui import look
        from xerohelper.ui.reconnect_page import ReconnectPage
        from xerohelper.ui.setup_wizard import SetupWizard

        look.fit_to_screen(self, 1100, 720)  # the same size, now with look's own measure of the screen

        self.connection_label = QLabel(NOT_CONNECTED)
        self.connection_label.setObjectName("connection_state")
        self.statusBar().addPermanentWidget(self.connection_label)

        self.pages = QStackedWidget()
        self.wizard = SetupWizard()
        self.wizard.setWindowFlags(Qt.WindowType.Widget)  # lives inside the window, not as a dialog
        self.reconnect_page = ReconnectPage()
        self.pages.addWidget(self.wizard)
        self.pages.addWidget(self.reconnect_page)
        self.setCentralWidget(self.pages)

        welcome = self.wizard.welcome_page
        welcome.connect_requested.connect(self.connect_clicked)
        welcome.demo_requested.connect(self.switch_to_demo)
        welcome.own_app_requested.connect(self.wizard.show_own_app)
        connect_page = self.wizard.connect_page
        connect_page.cancel_requested.connect(self.cancel_connecting)
        connect_page.retry_requested.connect(self.connect_clicked)
        connect_page.own_app_requested.connect(self.wizard.show_own_app)
        connect_page.demo_requested.connect(self.switch_to_demo)  # the demo opens in this window
        self.wizard.own_app_page.client_id_entered.connect(self.use_own_client_id)
        self.wizard.setup_needed.connect(self._load_setup)
        self.wizard.setup_done.connect(self._save_setup)
        self.wizard.finished.connect(lambda _result: self.show_day_screen())
        self.reconnect_page.reconnect_requested.connect(self.start_reconnecting)
        self.notice_found.connect(self.show_notice)
        self._build_menus()
        self._busy(True)
        self.pages_built.emit()
        if self._open_session_after_pages:
            # After the window has been drawn and answers: loading the SDK, keyring and journal on a worker
            # still competes with this thread for Python's lock, so let the first frames go first.
            QTimer.singleShot(OPEN_AFTER_MS, self.open_session)

    # ---- starting ---------------------------------------------------------------------------------------
    def open_session(self) -> None:
        if self.session is None:
            from xerohelper.services.app_session import AppSession

            self.session = AppSession(demo=self.demo)
        self.statusBar().showMessage("Starting…")
        run_in_background(self.session.open, on_done=self._opened, on_failed=self._open_failed)

    def _opened(self, look: FirstLook) -> None:
        self.first_look = look
        from xerohelper.ui.open_link import WEB_BASE  # after the first frame: it loads Qt's namespace

        self.setProperty(WEB_BASE, self.session.xero_web_base() or "")  # the demo's Xero screens
        self._busy(False)
        self.statusBar().clearMessage()
        self._listen_for_notices()
        organisation = look.status.organisation
        self.show_organisation(organisation.name if organisation else None, look.status.connected)
        self._know_xero_app(look.xero_app)
        log.info("first page: %s", look.page)
        if self.started_in_tray and look.page != "day" and not self.isVisible():
            from xerohelper.ui.tray_start import bring_back

            bring_back(self)  # started in the tray, but nothing can be done without the owner: the window
        if look.status.connected and look.status.reconnect_reason is None:
            QTimer.singleShot(0, self.start_everyday)
        if look.page == "reconnect":
            self.show_reconnect(look.status.reconnect_reason)
        elif look.page == "day":
            self.show_day_screen()
            self.catch_up(on_start=True)  # days imported but not in Xero: the list, for the owner to confirm
        elif look.page == "setup":
            self._go_to(Page.SETUP)
        elif self.demo:
            self.start_connecting()  # the demo's browser step is done for the owner

    def _listen_for_notices(self) -> None:
        """A settings file or journal set aside (now or later, on a worker): said in the status bar."""
        if self._notice_listener is None:
            from xerohelper.services import owner_notices

            self._notice_listener = self.notice_found.emit
            owner_notices.listen(self._notice_listener)

    def show_notice(self, words: str) -> None:
        self.statusBar().showMessage(words)

    def _open_failed(self, error: BaseException) -> None:
        self._busy(False)
        from xerohelper.services.app_files import why_not_opened

        self.statusBar().showMessage(f"xerohelper couldn't start properly. {why_not_opened(error)}")
        log.error("opening the session failed: %r", error)

    # ---- shop setup -------------------------------------------------------------------------------------
    def _load_setup(self) -> None:
        chosen = self.wizard.chosen_organisation()

        def load():
            if chosen is not None:
                self.session.choose_organisation(chosen.tenant_id)
            organisation = self.session.organisation()
            setup, contact = self.session.organisation_setup()
            mapping = self.session.mapping()
            seen = self.session.till_names_seen()  # the till's names already imported: rows ready to map
            return organisation, setup, contact, mapping, seen

        run_in_background(load, on_done=self._setup_loaded, on_failed=self._setup_failed)

    def _setup_loaded(self, loaded) -> None:
        from xerohelper.ui.shop_setup_editor import ShopSetupEditor

        organisation, setup, contact, mapping, seen = loaded
        self.show_organisation(organisation.name, True)
        editor = ShopSetupEditor(setup, mapping, seen.categories, seen.tenders, contact=contact)
        self.wizard.setup_page.show_editor(editor)

    def _setup_failed(self, error: BaseException, trouble: Trouble = Trouble.READING_SETUP) -> None:
        if is_reconnect(error):
            self.show_reconnect(error.reason)
            return
        if getattr(error, "words", None):
            title, words, next_step = in_words(error)
        else:  # Xero's limits read as "sends the rest by itself" for a day; here nothing is being sent
            from xerohelper.ui.failure_words import explain_failure, while_reading

            card = while_reading(
                explain_failure(error),
                "to read your accounts and tax rates",
                "Nothing has been sent to Xero.",
            )
            title, words, next_step = card.title, card.what_happened, card.steps[0] if card.steps else ""
        self.wizard.setup_failed(trouble, title, f"{words} {next_step}".strip())

    def _save_setup(self) -> None:
        editor = self.wizard.setup_page.editor
        if editor is None:
            return
        mapping = editor.mapping()
        self.wizard.ready_page.show_summary(
            self.organisation_name or "your organisation", mapping.approve_automatically
        )
        run_in_background(
            lambda: self.session.save_mapping(mapping),
            on_failed=lambda error: self._setup_failed(error, Trouble.SAVING_SETUP),
        )

    # ---- the day ----------------------------------------------------------------------------------------
    def show_day_screen(self, day=None, till: str | None = None) -> None:
        """The day screen at `day` (today when not given), of `till` when given (a shop with several)."""
        if self.day_screen is None:
            from xerohelper.ui.day_screen import DayScreen

            self.day_screen = DayScreen(self.session)
            self.day_screen.reconnect_needed.connect(lambda error: self.show_reconnect(error.reason))
            self.day_screen.open_shop_setup.connect(self.show_shop_setup)
            self.pages.addWidget(self.day_screen)
        self.pages.setCurrentWidget(self.day_screen)
        if till is not None:
            self.day_screen.location = till
        self.day_screen.show_day(day or self.session.today())

    # ---- bits -------------------------------------------------------------------------------------------
    def show_organisation(self, name: str | None, connected: bool = True) -> None:
        self.organisation_name = name
        self._enable_menus(bool(name) and connected)
        self.setWindowTitle(window_title(name, self.demo))
        if name and connected:
            self.connection_label.setText(f"Connected to {name}")
        elif name:
            self.connection_label.setText(f"{name}: sign in again")
        else:
            self.connection_label.setText(NOT_CONNECTED)

    def _go_to(self, page: Page) -> None:
        self.pages.setCurrentWidget(self.wizard)
        self.wizard.go_to(page)

    def _busy(self, busy: bool) -> None:
        self.wizard.welcome_page.setEnabled(not busy)
        if not busy:
            self.wizard.focus_page()  # keyboard first: Connect to Xero has the focus once it can be used

    # ---- the tray: watched folder, reminder, notifications ----
    def start_everyday(self) -> None:
        from xerohelper.ui.everyday import start_everyday

        start_everyday(self)

    def quit_app(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event) -> None:
        from xerohelper.ui.everyday import keep_in_tray

        if not self._quitting and keep_in_tray(self):
            event.ignore()
            return
        if self.everyday_watch is not None:
            self.everyday_watch.stop()
        if self.tray is not None:
            self.tray.hide()
        if self._notice_listener is not None:
            from xerohelper.services import owner_notices

            owner_notices.stop_listening(self._notice_listener)
            self._notice_listener = None
        if self.session is not None:
            self.cancel_connecting()
            self.session.stop_waiting()  # a wait for Xero's limits ends now
            # Let running work finish before the journal and the sandbox close under it.
            from PySide6.QtCore import QThreadPool

            QThreadPool.globalInstance().waitForDone(CLOSE_WAIT_MS)
            self.session.close()
        super().closeEvent(event)
