"""The first-run wizard: Welcome → (Use your own Xero app) → Connect → Choose organisation → Shop setup →
Ready.

Pages (ui/setup_pages.py, ui/own_app_page.py, ui/setup_shop_pages.py) only draw and collect. Which page
comes next, when Back makes sense and what a failed page offers is decided by core's SetupFlow (no Qt,
tested on its own); the work (signing in, reading Xero, saving) runs on background threads through the
session, started by the main window when the wizard asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWizard

from xerohelper.core.setup_flow import Buttons, Page, SetupFlow, SignInTrouble, Trouble
from xerohelper.ui.own_app_page import OwnAppPage
from xerohelper.ui.setup_pages import ConnectPage, WelcomePage
from xerohelper.ui.setup_shop_pages import ChooseOrganisationPage, ReadyPage, ShopSetupPage

WELCOME, CONNECT, CHOOSE, SETUP, READY, OWN_APP = (int(page) for page in Page)
BACK_AGAIN = QWizard.WizardButton.CustomButton1  # Back, where it leads further than the page before


class SetupWizard(QWizard):
    """The wizard itself, inside the main window. Its pages only draw; `flow` decides where they lead; the
    window does the work when asked (`setup_needed`: read the accounts; `setup_done`: save the setup)."""

    setup_needed = Signal()
    setup_done = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.setWindowTitle("Set up xerohelper")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButton)
        self.flow = SetupFlow()
        self._jump: Page | None = None
        self.welcome_page = WelcomePage()
        self.connect_page = ConnectPage(self.flow)
        self.choose_page = ChooseOrganisationPage()
        self.setup_page = ShopSetupPage(self.flow)
        self.ready_page = ReadyPage()
        self.own_app_page = OwnAppPage()
        for page_id, page in zip(
            Page,
            (
                self.welcome_page,
                self.connect_page,
                self.choose_page,
                self.setup_page,
                self.ready_page,
                self.own_app_page,
            ),
            strict=True,
        ):
            self.setPage(page_id, page)
        self.setStartId(WELCOME)
        self.setup_page.retry_requested.connect(self._retry_setup)
        # Back to a page other than the one shown before (the welcome page, from choosing an organisation):
        # a button of the wizard's own, in the same place and with the same words as its Back.
        self.setButtonText(BACK_AGAIN, self.buttonText(QWizard.WizardButton.BackButton))
        self.button(BACK_AGAIN).setObjectName("back_to_start_button")
        self.customButtonClicked.connect(lambda which: self.go_back() if which == BACK_AGAIN.value else None)
        self.currentIdChanged.connect(lambda _page_id: self._update_buttons())
        self.currentIdChanged.connect(lambda _page_id: QTimer.singleShot(0, self, self.focus_page))
        self._update_buttons()

    # ---- what the window tells the wizard ----------------------------------------------------------------
    def connecting(self, words: str) -> None:
        """A sign-in starts: show the connect page waiting."""
        self.flow.connecting()
        self.go_to(Page.CONNECT)
        self.connect_page.show_waiting(words)
        self._update_buttons()

    def signed_in(self, organisation_name: str, choices=()) -> None:
        """The sign-in worked; `choices`: the organisations to choose from when it allowed several."""
        self.flow.signed_in(len(choices) or 1)
        if self.flow.must_choose:
            self.choose_page.set_choices(choices)
        self.connect_page.show_connected(organisation_name)
        if self.currentId() == CONNECT:
            self.next()
        self._update_buttons()

    def sign_in_failed(
        self,
        title: str,
        words: str,
        next_step: str,
        kind: SignInTrouble = SignInTrouble.OTHER,
        advice: str = "",
    ) -> None:
        """Signing in stopped (`kind`: cancelled, the Xero app, the password store, anything else);
        `advice`: what to install for this desktop when the password store is the cause."""
        self.flow.failed(Trouble.SIGN_IN, kind)
        self.connect_page.show_problem(title, words, next_step, advice)
        self._update_buttons()

    def knows_xero_app(self, known: bool, redirect_uri: str, built_in: bool) -> None:
        """Whether a Xero app's client id is built in, saved or set (without one, Connect leads to the
        "Use your own Xero app" page), and the redirect URI a registration must list."""
        self.flow.has_xero_app = known
        self.own_app_page.show_app(redirect_uri, built_in)
        self.welcome_page.show_xero_app(known)

    def show_own_app(self, problem: str = "") -> None:
        self.go_to(Page.OWN_APP)
        if problem:
            self.own_app_page.show_not_saved(problem)

    def setup_failed(self, trouble: Trouble, title: str, words: str) -> None:
        """Reading the accounts or saving the setup didn't work: say so on the Shop setup page."""
        self.flow.failed(trouble)
        if self.currentId() == READY:
            self.back()  # the setup was being saved: back to it, with the problem
        self.setup_page.show_problem(title, words)
        self._update_buttons()

    def chosen_organisation(self):
        """The organisation chosen on the choose page (None when there was nothing to choose)."""
        return self.choose_page.chosen() if self.flow.must_choose else None

    # ---- moving between pages ---------------------------------------------------------------------------
    def go_to(self, page: Page) -> None:
        """Show `page` (the window moves the wizard itself: at start, to connect, after a disconnect).
        Connecting and the own-app page always follow the welcome page directly, so Back leads there."""
        if self.currentId() == page:
            return
        if self.currentId() == -1 or page in self.visitedIds() or page in (Page.CONNECT, Page.OWN_APP):
            self.restart()
        if self.currentId() != page:
            self._jump = page  # nextId() answers `page` for this one step
            try:
                self.next()
            finally:
                self._jump = None

    def go_back(self) -> None:
        """Back, as the flow says: to the page before, or further (the welcome page, to start again)."""
        if self.currentId() < 0:
            return
        target = self.flow.back_to(Page(self.currentId()))
        seen = self.visitedIds()
        if target is None:
            return
        if len(seen) > 1 and seen[-2] == target:
            self.back()
        else:
            self.go_to(target)

    def nextId(self) -> int:
        if self._jump is not None:
            return int(self._jump)
        if self.currentId() < 0:
            return -1
        following = self.flow.next_page(Page(self.currentId()))
        return -1 if following is None else int(following)

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == SETUP:
            self.setup_page.show_loading()
            self.setup_needed.emit()
        elif page_id == READY:
            if self.flow.trouble is Trouble.SAVING_SETUP:
                self.flow.retrying()
                self.setup_page.clear_problem()
            self.setup_done.emit()

    def _retry_setup(self) -> None:
        self.flow.retrying()
        self.setup_page.show_loading()
        self._update_buttons()
        self.setup_needed.emit()

    def focus_page(self) -> None:
        """Keyboard first: the page shown has focus on what the owner does next."""
        page = self.currentPage()
        focus = getattr(page, "focus_first", None)
        if focus is not None:
            focus()
        elif page is not None and not page.isAncestorOf(self.focusWidget()):
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        """The wizard's buttons for the page shown, as the flow says (Back only where it makes sense)."""
        if self.currentId() < 0:
            self.setButtonLayout([QWizard.WizardButton.Stretch])
            return
        page = Page(self.currentId())
        layout = [QWizard.WizardButton.Stretch]
        seen = self.visitedIds()
        back = self.flow.back_to(page)
        if back is not None and len(seen) > 1 and seen[-2] == back:
            layout.append(QWizard.WizardButton.BackButton)
        elif back is not None and back in seen:
            layout.append(BACK_AGAIN)
        buttons = self.flow.buttons(page)
        if buttons is Buttons.NEXT:
            layout.append(QWizard.WizardButton.NextButton)
        elif buttons is Buttons.FINISH:
            layout.append(QWizard.WizardButton.FinishButton)
        self.setButtonLayout(layout)
