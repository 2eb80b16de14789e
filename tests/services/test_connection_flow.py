"""Connecting to Xero end to end, against the sandbox: the real SDK, the real loopback listener, and an
HTTP client standing in for the browser. Refresh rotation and its races, revocation and reconnecting
without losing work, and disconnecting."""

from __future__ import annotations

import json
import threading
from datetime import date

import pytest
from keyring.errors import PasswordSetError

from tests.services.browser_stand_in import BrowserStandIn
from tests.services.sandbox_sign_in import HARBOUR, PIER, sign_in_sandbox
from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.settings import SETTINGS_FILE_NAME
from xerohelper.adapters.token_store import SERVICE_NAME
from xerohelper.core.connection import (
    ConnectionState,
    ConnectStep,
    PasswordStoreProblem,
    ReconnectNeeded,
    ReconnectReason,
    SignInRefused,
)
from xerohelper.sandbox.testing import SignInError
from xerohelper.sandbox.testing import refresh as refresh_at_xero
from xerohelper.services.connection import OrganisationChoiceNeeded


@pytest.fixture
def xero():
    with sign_in_sandbox() as running:
        yield running


def saved_refresh_token(memory_keyring) -> str | None:
    secret = memory_keyring.store.get((SERVICE_NAME, "sandbox"))
    return json.loads(secret)["refresh_token"] if secret else None


def settings_file() -> dict:
    return json.loads((AppFolders.for_this_user().settings / SETTINGS_FILE_NAME).read_text())


# ---- connecting -------------------------------------------------------------------------------------------


def test_the_full_flow_connects_and_remembers_only_what_it_should(xero, memory_keyring):
    browser = BrowserStandIn()
    progress = []
    service = xero.service(browser)
    organisation = service.connect(progress=progress.append)

    assert organisation.name == HARBOUR
    assert organisation.tenant_id == xero.tenant(HARBOUR)
    assert organisation.short_code == "!Xk3Lp"
    assert organisation.base_currency == "AUD"
    assert organisation.end_of_year_lock_date == date(2026, 6, 30)
    assert organisation.period_lock_date is None
    assert [p.step for p in progress] == [
        ConnectStep.OPENING_BROWSER,
        ConnectStep.WAITING_FOR_BROWSER,
        ConnectStep.CHECKING_SIGN_IN,
        ConnectStep.READING_ORGANISATIONS,
        ConnectStep.READING_ORGANISATION,
        ConnectStep.DONE,
    ]
    status, page = browser.pages[-1]
    assert status == 200
    assert "go back to xerohelper" in page

    assert service.status().as_json() == {
        "connected": True,
        "organisation": {"name": HARBOUR, "tenant_id": organisation.tenant_id, "short_code": "!Xk3Lp"},
        "reconnect_reason": None,
    }
    entry = json.loads(memory_keyring.store[(SERVICE_NAME, "sandbox")])
    assert set(entry) == {"v", "refresh_token", "tenant_id", "scope", "lapses_at"}
    assert entry["tenant_id"] == organisation.tenant_id
    assert "accounting.invoices" in entry["scope"].split()
    assert list(memory_keyring.store) == [(SERVICE_NAME, "sandbox")]
    assert settings_file()["sandbox"]["organisation_name"] == HARBOUR
    assert settings_file()["sandbox"]["client_id"] == xero.sandbox.client_id
    access = service.api().tokens.current().access_token
    assert access not in json.dumps(settings_file())
    assert access not in json.dumps(entry)


def test_a_new_service_on_the_same_computer_carries_on_from_the_keyring(xero, memory_keyring):
    xero.service().connect()
    later = xero.service(BrowserStandIn(decision="deny"))  # would fail if it needed the browser
    assert later.status().connected
    assert later.check().connected
    assert later.status().organisation.short_code == "!Xk3Lp"


def test_stray_requests_to_the_listener_do_not_spoil_the_sign_in(xero):
    browser = BrowserStandIn(detours=("/favicon.ico", "/callback?code=FORGED&state=not-ours"))
    organisation = xero.service(browser).connect()
    assert organisation.name == HARBOUR
    assert [status for status, _ in browser.pages] == [404, 400, 200]


def test_with_several_organisations_the_caller_chooses(memory_keyring):
    with sign_in_sandbox(auto_consent=True, auto_consent_tenants="all") as xero:
        service = xero.service()
        choices = service.sign_in()
        assert [c.name for c in choices] == [HARBOUR, PIER]
        assert all(c.newly_allowed for c in choices)
        organisation = service.choose_organisation(xero.tenant(PIER))
        assert organisation.name == PIER
        assert organisation.short_code == "!Pn9Cf"
        assert service.status().organisation.name == PIER

        offered = []
        again = xero.service()
        again.disconnect()
        with pytest.raises(OrganisationChoiceNeeded) as caught:
            xero.service().connect()
        assert HARBOUR in caught.value.words and PIER in caught.value.words

        chosen = xero.service().connect(choose=lambda cs: offered.extend(cs) or cs[1])
        assert chosen.name == PIER
        assert [c.name for c in offered] == [HARBOUR, PIER]


def test_saying_no_in_xero_is_explained(xero):
    with pytest.raises(SignInRefused) as caught:
        xero.service(BrowserStandIn(decision="deny")).connect()
    assert caught.value.words == "You chose not to allow xerohelper into Xero."
    assert xero.service().status().state is ConnectionState.NOT_CONNECTED


# ---- refreshing -------------------------------------------------------------------------------------------


def test_refresh_rotates_and_saves_the_new_refresh_token(xero, memory_keyring):
    service = xero.service()
    service.connect()
    first = saved_refresh_token(memory_keyring)
    service.refresh()
    second = saved_refresh_token(memory_keyring)
    assert second != first
    assert service.api().tokens.current().refresh_token == second
    xero.sandbox.clock.advance(31 * 60)  # past Xero's 30-minute grace for the rotated-away token
    with pytest.raises(SignInError):
        refresh_at_xero(xero.base_url, xero.sandbox.client_id, first)
    service.refresh()  # the saved one still works
    assert saved_refresh_token(memory_keyring) not in (first, second)


def test_two_refreshes_at_once_make_one_call_to_xero(xero, memory_keyring):
    service = xero.service()
    service.connect()
    tokens = service.api().tokens
    seen = tokens.current()
    calls_before = xero.token_calls()
    start = threading.Barrier(8)
    results = []

    def refresh():
        start.wait()
        results.append(tokens.refresh(rejected=seen))

    threads = [threading.Thread(target=refresh) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert xero.token_calls() - calls_before == 1
    assert len({r.refresh_token for r in results}) == 1
    assert saved_refresh_token(memory_keyring) == results[0].refresh_token


def test_calls_that_all_find_the_access_token_expired_refresh_it_once(xero):
    service = xero.service()
    service.connect()
    api = service.api()
    tenant = service.tenant_id
    xero.control("tokens/expire", {})  # Xero now answers 401 TokenExpired to the token we hold
    calls_before = xero.token_calls()
    start = threading.Barrier(5)
    names, errors = [], []

    def read():
        start.wait()
        try:
            names.append(api.call(api.accounting.get_organisations, tenant).organisations[0].name)
        except Exception as err:
            errors.append(err)

    threads = [threading.Thread(target=read) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    assert names == [HARBOUR] * 5
    assert xero.token_calls() - calls_before == 1


def test_a_rotation_done_by_another_window_is_picked_up_not_fought(xero, memory_keyring):
    window = xero.service()
    window.connect()
    command_line = xero.service()
    command_line.api()  # holds the refresh token the keyring had at that moment
    window.refresh()  # rotates it, and saves the new one
    xero.sandbox.clock.advance(31 * 60)  # the one the command line holds is now dead at Xero
    command_line.refresh()
    assert command_line.status().connected
    assert saved_refresh_token(memory_keyring) == command_line.api().tokens.current().refresh_token


def test_a_refresh_token_that_cannot_be_saved_is_never_used(xero, memory_keyring, monkeypatch):
    service = xero.service()
    service.connect()
    tokens = service.api().tokens
    before = tokens.current()

    def refuse(service_name, username, password):
        raise PasswordSetError("the keyring went away")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    with pytest.raises(PasswordStoreProblem):
        service.refresh()
    assert tokens.current() is before  # neither the new access token nor the new refresh token in use
    monkeypatch.undo()
    service.refresh()  # the old refresh token is still good (Xero's 30-minute grace)
    assert saved_refresh_token(memory_keyring) == tokens.current().refresh_token != before.refresh_token


def test_a_lost_refresh_answer_is_recovered_within_the_grace_period(xero, memory_keyring):
    service = xero.service()
    service.connect()
    held = saved_refresh_token(memory_keyring)
    refresh_at_xero(xero.base_url, xero.sandbox.client_id, held)  # Xero rotated; the answer was lost
    xero.sandbox.clock.advance(29 * 60)
    service.refresh()
    assert service.status().connected
    assert saved_refresh_token(memory_keyring) != held


def test_after_the_grace_period_the_rotated_token_means_reconnect(xero, memory_keyring):
    service = xero.service()
    service.connect()
    held = saved_refresh_token(memory_keyring)
    refresh_at_xero(xero.base_url, xero.sandbox.client_id, held)
    xero.sandbox.clock.advance(31 * 60)
    with pytest.raises(ReconnectNeeded) as caught:
        service.refresh()
    assert caught.value.reason is ReconnectReason.SIGN_IN_ENDED
    status = service.status()
    assert status.state is ConnectionState.RECONNECT_NEEDED
    assert status.reconnect_reason is ReconnectReason.SIGN_IN_ENDED
    assert status.organisation.name == HARBOUR  # which organisation to go back to is kept
    assert saved_refresh_token(memory_keyring) is None  # a dead token is not kept


# ---- Xero ending the connection, and reconnecting ---------------------------------------------------------

WORK = ("get_organisations", "get_accounts", "get_tax_rates", "get_contacts", "get_invoices")


def carry_on(service, done: dict) -> None:
    """Pending work: each read once, in order, picking up where it stopped."""
    api = service.api()
    for name in WORK:
        if name not in done:
            done[name] = api.call(getattr(api.accounting, name), service.tenant_id)


def test_revoked_mid_run_then_reconnect_resumes_with_nothing_lost(xero):
    service = xero.service()
    service.connect()
    done: dict = {}
    api = service.api()
    for name in WORK[:2]:
        done[name] = api.call(getattr(api.accounting, name), service.tenant_id)

    xero.control("tokens/revoke", {})  # the person disconnected xerohelper in Xero
    with pytest.raises(ReconnectNeeded) as caught:
        carry_on(service, done)
    assert caught.value.reason is ReconnectReason.ACCESS_REFUSED
    assert list(done) == list(WORK[:2])
    status = service.status().as_json()
    assert status["connected"] is False
    assert status["organisation"]["name"] == HARBOUR
    assert status["reconnect_reason"] == ReconnectReason.ACCESS_REFUSED.words
    with pytest.raises(ReconnectNeeded):
        service.api()

    assert service.connect().name == HARBOUR  # reconnecting is connecting again
    carry_on(service, done)
    assert list(done) == list(WORK)
    assert done["get_organisations"].organisations[0].name == HARBOUR
    assert service.status().as_json()["reconnect_reason"] is None


def test_a_late_refusal_for_the_connection_before_a_reconnect_changes_nothing(xero):
    service = xero.service()
    service.connect()
    before = service.api()
    xero.control("tokens/revoke", {})
    service.connect()  # reconnecting is connecting again
    with pytest.raises(ReconnectNeeded):  # a worker still holding the old connection hears no
        before.call(before.accounting.get_organisations, service.tenant_id)
    assert service.status().connected
    assert service.api() is not before


def test_a_revoked_sign_in_found_at_start_up_needs_reconnecting(xero, memory_keyring):
    xero.service().connect()
    xero.control("tokens/revoke", {})
    service = xero.service()  # the app starts again: no access token yet, so it refreshes first
    api = service.api()
    with pytest.raises(ReconnectNeeded) as caught:
        api.call(api.accounting.get_organisations, service.tenant_id)
    assert caught.value.reason is ReconnectReason.SIGN_IN_ENDED
    assert service.status().reconnect_reason is ReconnectReason.SIGN_IN_ENDED
    assert saved_refresh_token(memory_keyring) is None


def test_sixty_days_without_use_ends_the_sign_in(xero, memory_keyring):
    xero.service().connect()
    xero.sandbox.clock.advance(61 * 24 * 3600)
    status = xero.service().check()  # the app opened again two months later
    assert status.state is ConnectionState.RECONNECT_NEEDED
    assert status.reconnect_reason is ReconnectReason.SIGN_IN_ENDED
    assert "60 days" in status.as_json()["reconnect_reason"]


def test_an_organisation_removed_in_xero_gets_403_and_its_own_words(xero):
    service = xero.service()
    service.connect()
    xero.control("connections/remove", {"tenant": HARBOUR})
    api = service.api()
    with pytest.raises(ReconnectNeeded) as caught:
        api.call(api.accounting.get_organisations, service.tenant_id)
    assert caught.value.reason is ReconnectReason.ORGANISATION_DISCONNECTED
    assert "removed xerohelper in Xero" in caught.value.words
    assert service.status().reconnect_reason is ReconnectReason.ORGANISATION_DISCONNECTED


def test_an_organisation_missing_from_the_connections_list_needs_reconnecting(xero):
    service = xero.service()
    service.connect()
    xero.control("connections/remove", {"tenant": HARBOUR})
    status = service.check()
    assert status.state is ConnectionState.RECONNECT_NEEDED
    assert status.reconnect_reason is ReconnectReason.ORGANISATION_NOT_LISTED


def test_reconnecting_to_a_different_organisation_is_never_silent(xero):
    service = xero.service()
    service.connect()
    xero.control("tokens/revoke", {})
    with pytest.raises(OrganisationChoiceNeeded) as caught:
        xero.service(BrowserStandIn(organisation=PIER)).connect()
    assert caught.value.words.startswith(f"{HARBOUR} is not among the organisations you allowed")


# ---- disconnecting ----------------------------------------------------------------------------------------


def test_disconnect_removes_the_connection_revokes_and_clears_the_keyring(xero, memory_keyring):
    service = xero.service()
    service.connect()
    refresh_token = saved_refresh_token(memory_keyring)
    result = service.disconnect()
    assert result.told_xero
    assert result.words.startswith(f"Disconnected from {HARBOUR}.")
    assert memory_keyring.store == {}
    with pytest.raises(SignInError):
        refresh_at_xero(xero.base_url, xero.sandbox.client_id, refresh_token)
    with xero.sandbox.world.lock:
        assert not any(c.active for c in xero.sandbox.world.connections.values())
    assert service.status().as_json() == {"connected": False, "organisation": None, "reconnect_reason": None}
    assert settings_file()["sandbox"]["client_id"] == xero.sandbox.client_id  # the app's id stays
    assert settings_file()["sandbox"]["tenant_id"] == ""


def test_disconnect_when_xero_cannot_be_reached_forgets_here_and_says_what_to_do(xero, memory_keyring):
    service = xero.service()
    service.connect()
    xero.control("faults", {"kind": "drop", "count": 10})  # every call: the connection drops, no answer
    result = service.disconnect()
    assert not result.told_xero
    assert "Settings → Connected apps" in result.words
    assert memory_keyring.store == {}
    assert service.status().state is ConnectionState.NOT_CONNECTED


def test_disconnect_after_xero_ended_the_sign_in_just_forgets_it(xero, memory_keyring):
    service = xero.service()
    service.connect()
    xero.control("tokens/revoke", {})
    result = service.disconnect()
    assert result.told_xero
    assert memory_keyring.store == {}
