"""Signing in to Xero from the main window: connect (or first register the owner's own Xero app), switch
to the demo shop, and reconnect when Xero ends the connection; a failure said in the owner's words."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

from xerohelper.core.setup_flow import SignInTrouble, sign_in_trouble  # plain Python
from xerohelper.ui.background import run_in_background

NOT_CONNECTED = "Not connected"


def window_title(organisation_name: str | None, demo: bool = False) -> str:
    name = organisation_name or NOT_CONNECTED
    return f"xerohelper — {name}" + (" (demo)" if demo else "")


class SigningIn:
    """The main window's connecting and reconnecting (a mixin of MainWindow: it uses the window's wizard,
    reconnect page, session and day screen)."""

    # ---- connecting -------------------------------------------------------------------------------------
    def _know_xero_app(self, app) -> None:
        if app is not None:
            self.wizard.knows_xero_app(app.known, app.redirect_uri, app.source == "built-in")

    def connect_clicked(self) -> None:
        """Connect: sign in, or first register a Xero app when none is built in or saved."""
        if self.wizard.flow.has_xero_app:
            self.start_connecting()
        else:
            self.wizard.show_own_app()

    def use_own_client_id(self, client_id: str) -> None:
        """The owner pasted their own Xero app's client id: keep it in the settings, then connect."""

        def saved(app) -> None:
            self._know_xero_app(app)
            self.start_connecting()

        run_in_background(
            lambda: self.session.save_own_client_id(client_id),
            on_done=saved,
            on_failed=lambda error: self.wizard.own_app_page.show_not_saved(
                str(error) if isinstance(error, ValueError) else in_words(error)[1]
            ),
        )

    def start_connecting(self) -> None:
        self.pages.setCurrentWidget(self.wizard)
        self.wizard.connecting("Opening Xero's sign-in page in your web browser…")
        page = self.wizard.connect_page
        self._cancel_connect = threading.Event()
        cancel = self._cancel_connect
        run_in_background(
            lambda report: self.session.connect(progress=report, cancel=cancel),
            on_done=self._connected,
            on_failed=self._connect_failed,
            on_progress=lambda p: page.show_waiting(p.words, p.link, p.seconds_left),
        )

    def cancel_connecting(self) -> None:
        if self._cancel_connect is not None:
            self._cancel_connect.set()
        if self.session is not None:
            self.session.cancel_connecting()

    def _connected(self, organisation) -> None:
        self.show_organisation(organisation.name, True)
        self.wizard.signed_in(organisation.name)
        QTimer.singleShot(0, self.start_everyday)

    def _connect_failed(self, error: BaseException) -> None:
        choices = getattr(error, "choices", None)
        if choices:  # several organisations: the owner chooses on the next page
            self.wizard.signed_in("Xero", list(choices))
            return
        kind = sign_in_trouble(error)
        advice = self.session.password_store_help() if kind is SignInTrouble.PASSWORD_STORE else ""
        self.wizard.sign_in_failed(*in_words(error), kind, advice)

    def switch_to_demo(self) -> None:
        """From the welcome page or a failed sign-in: swap to the built-in sandbox and connect to the demo
        shop, in this window (no restart: the owner keeps their place, and the real connection's settings
        are kept apart in the demo's own folders)."""
        self.wizard.flow.has_xero_app = True  # the demo's practice Xero has its own app
        self._switch_to_demo()

    def _switch_to_demo(self) -> None:
        if not self.session.demo:
            from xerohelper.services.app_session import AppSession

            old = self.session
            self.session = AppSession(folders=old.folders, demo=True)
            self.demo = True
            self.setWindowTitle(window_title(None, True))
            run_in_background(old.close)
        self.pages.setCurrentWidget(self.wizard)
        self.wizard.connecting("Starting the demo shop and its practice Xero…")
        run_in_background(
            self.session.open, on_done=lambda _look: self.start_connecting(), on_failed=self._connect_failed
        )

    # ---- reconnecting -----------------------------------------------------------------------------------
    def show_reconnect(self, reason) -> None:
        self.show_organisation(self.organisation_name, False)
        already = self.pages.currentWidget() is self.reconnect_page
        if self.everyday_watch is not None and not self.isVisible() and not already:
            self.everyday_watch.notify_reconnect()  # sitting in the tray: said once
        if reason is not None:
            self.reconnect_page.show_reason(reason.words, reason.next_step)
        self.pages.setCurrentWidget(self.reconnect_page)

    def start_reconnecting(self) -> None:
        self.reconnect_page.show_working("Opening Xero's sign-in page in your web browser…")
        run_in_background(
            lambda report: self.session.connect(progress=report),
            on_done=self._reconnected,
            on_failed=self._reconnect_failed,
            on_progress=lambda p: self.reconnect_page.show_working(p.words),
        )

    def _reconnected(self, organisation) -> None:
        self.show_organisation(organisation.name, True)
        # back on the day the owner was working on (not today): it carries on where it stopped
        working_on = self.day_screen.trading_date if self.day_screen is not None else None
        self.show_day_screen(working_on)

    def _reconnect_failed(self, error: BaseException) -> None:
        title, words, next_step = in_words(error)
        self.reconnect_page.show_reason(f"{title}. {words}", next_step)


def is_reconnect(error: BaseException) -> bool:
    from xerohelper.services.explaining import needs_reconnect

    return needs_reconnect(error)


def in_words(error: BaseException) -> tuple[str, str, str]:
    """A failure as title, what happened and what to do — for the connect and reconnect pages."""
    words = getattr(error, "words", None)
    if words:
        return "Connecting didn't work", words, getattr(error, "next_step", "")
    from xerohelper.services.explaining import explain_error

    card = explain_error(error)[0]
    return card.title, card.what_happened, " ".join(card.steps[:1])
