"""The first-run set-up's flow, without Qt: which page comes after which, when Back makes sense, which buttons
a page has, and what a page whose work failed offers. The wizard's pages only draw and ask this (the idea of
Electrum's wizard: the flow is a plain class, tested on its own; the screens render it).

    WELCOME ─┬──────────────▶ CONNECT ─┬──────────────▶ SETUP ─▶ READY ─▶ (the day screen)
             └─▶ OWN_APP ─────▶┘         └─▶ CHOOSE ─────▶┘
        (OWN_APP when no Xero app is built in or saved, or the owner asks for it: register one, paste its
         client id; CHOOSE only when the sign-in allowed several organisations)

Every page where signing in failed has a way back (Back to the welcome page), a way forward (Connect again,
or the page that fixes the cause: the Xero app's client id, the password store) and the demo shop. Back
leads to the welcome page from wherever the owner may want to start again (choosing an organisation, the
Shop setup of the only one), not always to the page shown before.

The flow knows facts, not widgets: connected or not, how many organisations the sign-in offered, and the
trouble the page shown has run into (a sign-in that failed or was cancelled, accounts that couldn't be read,
a shop setup that couldn't be saved).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum

from xerohelper.core.connection import (
    ClientIdMissing,
    PasswordStoreProblem,
    SignInCancelled,
    SignInRefused,
    XeroRejectedApp,
)


class Page(IntEnum):
    """The wizard's pages (their numbers are the QWizard page ids)."""

    WELCOME = 0  # what the app does: connect to Xero, or try the demo shop
    CONNECT = 1  # signing in through the browser, and what went wrong when it didn't work
    CHOOSE = 2  # the sign-in allowed several organisations: which one is this shop?
    SETUP = 3  # Shop setup: where each kind of sale and each way of paying goes
    READY = 4  # connected and set up; Finish opens the day screen
    OWN_APP = 5  # no Xero app built in: register your own on Xero's developer site and paste its client id


class Trouble(Enum):
    """Why the page shown couldn't finish its work."""

    SIGN_IN = "sign-in"  # connecting to Xero didn't work, or the owner cancelled it
    READING_SETUP = "reading setup"  # the organisation's accounts and tax rates couldn't be read
    SAVING_SETUP = "saving setup"  # the shop setup couldn't be saved on this computer


class Buttons(Enum):
    """Which of the wizard's own buttons a page shows (Back is decided separately: `back_to`)."""

    OWN = "own"  # none: the page is answered by its own buttons and by its work finishing
    NEXT = "next"
    FINISH = "finish"


class SignInTrouble(Enum):
    """What kind of failure a sign-in met: it decides the failure page's ways forward."""

    CANCELLED = "cancelled"  # the owner clicked Cancel: not a failure, nothing to explain
    XERO_APP = "xero app"  # the Xero app's client id or registration doesn't match: fix it on OWN_APP
    PASSWORD_STORE = "password store"  # this computer can't keep the sign-in safely: what to install
    OTHER = "other"  # anything else (no internet, timed out, port taken…): connect again


# The page each trouble is shown on.
SHOWN_ON = {
    Trouble.SIGN_IN: Page.CONNECT,
    Trouble.READING_SETUP: Page.SETUP,
    Trouble.SAVING_SETUP: Page.SETUP,
}


@dataclass
class SetupFlow:
    """What the wizard knows so far, and what follows from it."""

    connected: bool = False
    organisations: int = 0  # how many organisations the last sign-in offered (2 or more: the owner chooses)
    trouble: Trouble | None = None
    has_xero_app: bool = True  # a client id is built in, saved or set: Connect goes straight to signing in
    sign_in_trouble: SignInTrouble | None = None

    # ---- facts ------------------------------------------------------------------------------------------
    def connecting(self) -> None:
        """A sign-in has started (again): nothing is known about it yet."""
        self.connected, self.organisations, self.trouble = False, 0, None
        self.sign_in_trouble = None

    def signed_in(self, organisations: int = 1) -> None:
        """The sign-in worked; `organisations` is how many it offered to choose from."""
        self.connected, self.organisations, self.trouble = True, organisations, None

    def failed(self, trouble: Trouble, kind: SignInTrouble = SignInTrouble.OTHER) -> None:
        self.trouble = trouble
        self.sign_in_trouble = kind if trouble is Trouble.SIGN_IN else None

    def retrying(self) -> None:
        """The owner asked for the failed work again (Try again, or Next after a failed save)."""
        self.trouble = None

    @property
    def must_choose(self) -> bool:
        return self.organisations > 1

    # ---- what follows -----------------------------------------------------------------------------------
    def next_page(self, page: Page) -> Page | None:
        """The page Next leads to from `page` (None: `page` is the last)."""
        if page is Page.WELCOME:
            return Page.CONNECT if self.has_xero_app else Page.OWN_APP
        if page is Page.OWN_APP:
            return Page.CONNECT
        if page is Page.CONNECT:
            return Page.CHOOSE if self.must_choose else Page.SETUP
        if page is Page.CHOOSE:
            return Page.SETUP
        if page is Page.SETUP:
            return Page.READY
        return None

    def can_go_on(self, page: Page) -> bool:
        """Whether `page`'s work lets the owner go on (the page may still want more, like a choice made)."""
        if page is Page.CONNECT:
            return self.connected and self.trouble is None
        if page is Page.SETUP:
            return self.trouble is not Trouble.READING_SETUP  # after a failed save, Next saves again
        return True

    def back_to(self, page: Page) -> Page | None:
        """Where Back goes from `page`, or None where going back makes no sense."""
        if page is Page.CONNECT:
            # Only once signing in has stopped (failed or cancelled): back to connect again or try the demo.
            return Page.WELCOME if self.trouble is Trouble.SIGN_IN else None
        if page is Page.SETUP:
            # To choose another organisation; with one, to the welcome page: sign in with another Xero
            # login or organisation (Xero asks which on its own page), or try the demo shop instead.
            return Page.CHOOSE if self.must_choose else Page.WELCOME
        if page is Page.READY:
            return Page.SETUP
        if page in (Page.OWN_APP, Page.CHOOSE):
            # CHOOSE: none of the organisations is this shop: sign in again, or try the demo shop.
            return Page.WELCOME
        return None  # WELCOME is the start

    def buttons(self, page: Page) -> Buttons:
        if page in (Page.WELCOME, Page.CONNECT, Page.OWN_APP):
            return Buttons.OWN
        return Buttons.FINISH if self.next_page(page) is None else Buttons.NEXT

    def offers_try_again(self, page: Page) -> bool:
        """A page whose work failed offers to do it again (a failed save is tried again by Next)."""
        return (
            self.trouble is not None
            and SHOWN_ON[self.trouble] is page
            and self.trouble is not Trouble.SAVING_SETUP
        )

    # ---- a failed sign-in's ways forward ------------------------------------------------------------
    def failure_offers(self) -> tuple[str, ...]:
        """The connect page's buttons after a sign-in stopped, first the one to press (besides Back):
        "connect" (connect again), "own app" (fix the Xero app's client id), "demo" (try the demo shop).
        A password store problem adds words on what to install, not a button (ui/setup_pages.py)."""
        if self.trouble is not Trouble.SIGN_IN:
            return ()
        if self.sign_in_trouble is SignInTrouble.XERO_APP:
            return ("own app", "connect", "demo")
        return ("connect", "demo")


def sign_in_trouble(error: BaseException) -> SignInTrouble:
    """The kind of a failed sign-in, from the problem core.connection raised."""
    if isinstance(error, SignInCancelled):
        return SignInTrouble.CANCELLED
    if isinstance(error, PasswordStoreProblem):
        return SignInTrouble.PASSWORD_STORE
    if isinstance(error, ClientIdMissing):
        return SignInTrouble.XERO_APP
    if isinstance(error, XeroRejectedApp) and error.error in ("invalid_client", "unauthorized_client"):
        return SignInTrouble.XERO_APP
    if isinstance(error, SignInRefused) and error.error != "access_denied":
        return SignInTrouble.XERO_APP  # a redirect URI or scope the app's registration doesn't have
    return SignInTrouble.OTHER
