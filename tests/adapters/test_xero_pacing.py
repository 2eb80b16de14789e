"""The pacer's decisions: wait on 429 as Xero says, give up at once on the daily limit, retry 5xx and
dropped connections, stop waiting on Cancel. (Against the sandbox, see the day-run tests.)"""

import threading

import pytest
import urllib3
from xero_python.exceptions import ApiException
from xero_python.rest import RESTResponse

from xerohelper.adapters.xero_pacing import Cancelled, DailyLimitReached, XeroPacer
from xerohelper.core.connection import XeroUnreachable


def refusal(status: int, **headers: str) -> ApiException:
    """An exception exactly as the SDK builds it from an HTTP answer."""
    answer = urllib3.HTTPResponse(
        body=b"{}", headers={k.replace("_", "-"): v for k, v in headers.items()}, status=status
    )
    return ApiException(http_resp=RESTResponse(answer))


class Script:
    """Answers from a list: an exception is raised, anything else is returned as (data, 200, headers)."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls = 0

    def __call__(self):
        self.calls += 1
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer, 200, {"X-MinLimit-Remaining": "55", "X-DayLimit-Remaining": "4000"}


def quick_pacer(**kw) -> tuple[XeroPacer, list]:
    waits: list = []
    pacer = XeroPacer(on_wait=lambda s, why: waits.append((s, why)), backoff=(0.0, 0.0, 0.0, 0.0), **kw)
    return pacer, waits


def test_429_waits_as_long_as_xero_says_then_succeeds(monkeypatch):
    pacer, waits = quick_pacer()
    monkeypatch.setattr(pacer.cancel, "wait", lambda seconds: False)  # don't really sleep 7 s
    script = Script(refusal(429, Retry_After="7", X_Rate_Limit_Problem="minute"), "ok")
    assert pacer.run(script, "read") == "ok"
    assert script.calls == 2
    assert waits[0][0] == 7.0 and "minute" in waits[0][1]
    assert pacer.rate_limited == 1
    assert (pacer.allowance.minute, pacer.allowance.day) == (55, 4000)


def test_daily_limit_is_not_waited_out():
    pacer, waits = quick_pacer()
    script = Script(refusal(429, Retry_After="30000", X_Rate_Limit_Problem="day"))
    with pytest.raises(DailyLimitReached) as stop:
        pacer.run(script, "read")
    assert stop.value.retry_after == 30000 and waits == []


def test_server_errors_and_dropped_connections_are_retried_then_given_up():
    pacer, waits = quick_pacer(max_tries=3)
    script = Script(refusal(503), XeroUnreachable("reset"), "ok")
    assert pacer.run(script, "write") == "ok"
    assert len(waits) == 2
    failing = Script(refusal(500), refusal(500), refusal(500))
    with pytest.raises(ApiException):
        pacer.run(failing, "write")
    assert failing.calls == 3


def test_validation_errors_are_not_retried():
    pacer, _ = quick_pacer()
    script = Script(refusal(400), "never")
    with pytest.raises(ApiException):
        pacer.run(script, "write")
    assert script.calls == 1


def test_cancel_stops_a_wait_at_once():
    cancel = threading.Event()
    pacer = XeroPacer(on_wait=lambda s, why: cancel.set(), cancel=cancel)
    script = Script(refusal(429, Retry_After="600", X_Rate_Limit_Problem="minute"), "never")
    with pytest.raises(Cancelled):
        pacer.run(script, "read")


def outcome_within(seconds: float, call) -> str:
    """Run `call` on a thread: "cancelled", its answer, or "still waiting" after `seconds`."""
    outcome: list = []

    def run():
        try:
            outcome.append(call())
        except Cancelled:
            outcome.append("cancelled")

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    return outcome[0] if outcome else "still waiting"


def test_a_calls_own_cancel_stops_its_wait_and_no_other_call():
    mine = threading.Event()
    pacer = XeroPacer(on_wait=lambda s, why: mine.set())
    script = Script(refusal(429, Retry_After="600", X_Rate_Limit_Problem="minute"), "never")
    assert outcome_within(10, lambda: pacer.run(script, "read", cancel=mine)) == "cancelled"
    assert script.calls == 1
    assert not pacer.cancel.is_set()  # the pacer itself goes on: the next call is not cancelled
    assert pacer.run(Script("ok"), "read", cancel=threading.Event()) == "ok"
    never = Script("never")
    with pytest.raises(Cancelled):  # a call whose Cancel is already set never asks Xero
        pacer.run(never, "read", cancel=mine)
    assert never.calls == 0


def test_the_pacers_own_cancel_still_stops_a_wait_with_a_calls_cancel():
    pacer = XeroPacer(on_wait=lambda s, why: threading.Timer(0.2, pacer.cancel.set).start())
    script = Script(refusal(429, Retry_After="600", X_Rate_Limit_Problem="minute"), "never")
    # the wait is 600 s: only the pacer's cancel (the window closing) ends it
    assert outcome_within(10, lambda: pacer.run(script, "read", cancel=threading.Event())) == "cancelled"
