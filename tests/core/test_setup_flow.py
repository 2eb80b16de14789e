"""The set-up wizard's flow, walked without Qt: what comes next, where Back goes, which buttons each page has
and what a failed page offers."""

from __future__ import annotations

import pytest

from xerohelper.core.connection import (
    ClientIdMissing,
    PasswordStoreProblem,
    SignInCancelled,
    SignInRefused,
    SignInTimedOut,
    XeroRejectedApp,
)
from xerohelper.core.setup_flow import (
    SHOWN_ON,
    Buttons,
    Page,
    SetupFlow,
    SignInTrouble,
    Trouble,
    sign_in_trouble,
)


def walk(flow: SetupFlow, page: Page = Page.WELCOME) -> list[Page]:
    """The pages Next leads through from `page` to the last."""
    pages = [page]
    while (following := flow.next_page(pages[-1])) is not None:
        pages.append(following)
    return pages


def test_one_organisation_goes_straight_from_connecting_to_the_shop_setup():
    flow = SetupFlow()
    flow.connecting()
    assert not flow.can_go_on(Page.CONNECT)  # nothing to go on to until the sign-in has worked
    flow.signed_in(organisations=1)
    assert flow.can_go_on(Page.CONNECT)
    assert walk(flow) == [Page.WELCOME, Page.CONNECT, Page.SETUP, Page.READY]


def test_several_organisations_are_chosen_from_and_back_from_the_setup_chooses_again():
    flow = SetupFlow()
    flow.signed_in(organisations=3)
    assert walk(flow) == [Page.WELCOME, Page.CONNECT, Page.CHOOSE, Page.SETUP, Page.READY]
    assert flow.back_to(Page.SETUP) is Page.CHOOSE
    # none of them is this shop: back to the welcome page, to sign in again or try the demo shop
    assert flow.back_to(Page.CHOOSE) is Page.WELCOME


def test_back_only_where_going_back_makes_sense():
    flow = SetupFlow()
    flow.signed_in(organisations=1)
    assert flow.back_to(Page.WELCOME) is None
    assert flow.back_to(Page.CONNECT) is None  # connected: nothing to undo
    # one organisation, and it isn't the one: sign in again (Xero asks which) or try the demo shop
    assert flow.back_to(Page.SETUP) is Page.WELCOME
    assert flow.back_to(Page.READY) is Page.SETUP


def test_a_failed_sign_in_offers_try_again_and_back_to_the_welcome_page():
    flow = SetupFlow()
    flow.connecting()
    assert flow.back_to(Page.CONNECT) is None  # while the browser is open there is Cancel instead
    assert not flow.offers_try_again(Page.CONNECT)
    flow.failed(Trouble.SIGN_IN)
    assert flow.offers_try_again(Page.CONNECT)
    assert flow.back_to(Page.CONNECT) is Page.WELCOME  # where connecting again and the demo are
    assert not flow.can_go_on(Page.CONNECT)
    flow.connecting()  # Try again
    assert flow.trouble is None and not flow.offers_try_again(Page.CONNECT)


def test_accounts_that_could_not_be_read_stop_the_setup_until_tried_again():
    flow = SetupFlow()
    flow.signed_in()
    flow.failed(Trouble.READING_SETUP)
    assert not flow.can_go_on(Page.SETUP)
    assert flow.offers_try_again(Page.SETUP) and not flow.offers_try_again(Page.CONNECT)
    flow.retrying()
    assert flow.can_go_on(Page.SETUP)


def test_a_setup_that_could_not_be_saved_is_saved_again_by_next():
    flow = SetupFlow()
    flow.signed_in()
    flow.failed(Trouble.SAVING_SETUP)
    assert flow.can_go_on(Page.SETUP)  # the editor is still there: Next saves again
    assert not flow.offers_try_again(Page.SETUP)


def test_every_trouble_is_shown_on_a_page_that_has_a_way_out_and_a_way_back():
    for trouble, page in SHOWN_ON.items():
        for organisations in (1, 2):
            flow = SetupFlow()
            flow.signed_in(organisations)
            flow.failed(trouble)
            assert flow.offers_try_again(page) or flow.can_go_on(page), trouble
            assert flow.back_to(page) is not None, (trouble, organisations)


@pytest.mark.parametrize(
    ("page", "buttons"),
    [
        (Page.WELCOME, Buttons.OWN),
        (Page.CONNECT, Buttons.OWN),
        (Page.CHOOSE, Buttons.NEXT),
        (Page.SETUP, Buttons.NEXT),
        (Page.READY, Buttons.FINISH),
    ],
)
def test_which_buttons_each_page_has(page, buttons):
    assert SetupFlow().buttons(page) is buttons


def test_without_a_xero_app_connect_first_registers_one_and_back_returns_to_the_welcome_page():
    flow = SetupFlow(has_xero_app=False)
    flow.signed_in(organisations=1)
    assert walk(flow) == [Page.WELCOME, Page.OWN_APP, Page.CONNECT, Page.SETUP, Page.READY]
    assert flow.back_to(Page.OWN_APP) is Page.WELCOME
    assert flow.buttons(Page.OWN_APP) is Buttons.OWN  # its own "Save and connect"
    assert walk(SetupFlow(has_xero_app=True))[:2] == [Page.WELCOME, Page.CONNECT]


@pytest.mark.parametrize(
    ("problem", "kind", "offers"),
    [
        (SignInCancelled(), SignInTrouble.CANCELLED, ("connect", "demo")),
        (ClientIdMissing("XEROHELPER_CLIENT_ID"), SignInTrouble.XERO_APP, ("own app", "connect", "demo")),
        (XeroRejectedApp("invalid_client"), SignInTrouble.XERO_APP, ("own app", "connect", "demo")),
        (SignInRefused("unauthorized_client", "Invalid redirect_uri"), SignInTrouble.XERO_APP, None),
        (SignInRefused("access_denied"), SignInTrouble.OTHER, ("connect", "demo")),
        (
            PasswordStoreProblem("No store.", "Install one."),
            SignInTrouble.PASSWORD_STORE,
            ("connect", "demo"),
        ),
        (SignInTimedOut(120), SignInTrouble.OTHER, ("connect", "demo")),
    ],
)
def test_every_stopped_sign_in_offers_a_way_forward_and_the_demo_and_back(problem, kind, offers):
    flow = SetupFlow()
    flow.connecting()
    assert sign_in_trouble(problem) is kind
    flow.failed(Trouble.SIGN_IN, kind)
    assert flow.failure_offers()[-1] == "demo" and "connect" in flow.failure_offers()
    if offers is not None:
        assert flow.failure_offers() == offers
    assert flow.back_to(Page.CONNECT) is Page.WELCOME
    flow.connecting()
    assert flow.failure_offers() == () and flow.sign_in_trouble is None
