"""Every request any sandbox in this test process receives is checked against Xero's spec (request_check.py),
and so is its answer (spec_check.py), whoever started the sandbox: the sandbox tests' fixtures, the services'
signed-in shops, the app's own demo sandbox in the UI tests, the CLI commands run in-process.

- A request Xero's spec does not allow (or an answer Xero would not give) fails the test that sent it, at
  its teardown, with the request, its path and what is wrong. Problems seen outside any test (a module's
  fixture set-up) go to the next test.
- A test that sends a wrong request on purpose takes the problems with ``request_check.take()`` and asserts
  on them; what it takes no longer fails it.
- The run ends with one line: how many requests were checked.

Sandboxes in another process (``xerohelper sandbox`` started by tests/sandbox/test_command.py) are not
watched; the requests sent to them come from the tests' own sign-in helper, not from the app.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest

from tests.sandbox.request_check import shared_checker
from tests.sandbox.spec_check import shared_answer_checker
from xerohelper.sandbox.testing import watch_every_sandbox

_lock = threading.Lock()
_found: list[Violation] = []
_counts = {"checked": 0}


@dataclass
class Violation:
    method: str
    target: str
    status: int
    body: bytes
    problems: list[str]
    answer_problems: list[str]

    def __str__(self) -> str:
        lines = [f"{self.method} {self.target} (answered {self.status})"]
        lines += [f"    {problem}" for problem in self.problems]
        lines += [f"    the answer: {problem}" for problem in self.answer_problems]
        if self.body:
            text = self.body.decode("utf-8", "replace")
            lines.append(f"    body sent: {text[:400]}{' …' if len(text) > 400 else ''}")
        return "\n".join(lines)


def _observe(request, response) -> None:
    try:
        problems = shared_checker().check(request.method, request.target, request.headers, request.body)
        answer = shared_answer_checker().check(
            request.method, request.path, response.status, response.content_type, response.body
        )
    except Exception as failure:  # the check must never break the sandbox's answer
        problems, answer = [f"the check itself failed: {failure!r}"], []
    if problems is None:  # the sandbox's own pages and controls, not Xero's
        return
    with _lock:
        _counts["checked"] += 1
        if problems or answer:
            _found.append(
                Violation(request.method, request.target, response.status, request.body, problems, answer)
            )


class RequestCheck:
    """What the check found since the last test ended (for tests that send wrong requests on purpose)."""

    def take(self) -> list[str]:
        """Every problem found so far in this test, as text; they no longer fail the test."""
        with _lock:
            taken = [str(violation) for violation in _found]
            _found.clear()
        return taken


@pytest.fixture(scope="session", autouse=True)
def _watching_every_sandbox():
    stop = watch_every_sandbox(_observe)
    yield
    stop()


@pytest.fixture
def request_check() -> RequestCheck:
    return RequestCheck()


@pytest.fixture(autouse=True)
def every_request_matches_xeros_spec(_watching_every_sandbox):
    yield
    found = RequestCheck().take()
    if found:
        pytest.fail("requests (or answers) Xero's spec does not allow:\n" + "\n".join(found), pytrace=False)


def pytest_terminal_summary(terminalreporter) -> None:
    if _counts["checked"]:
        terminalreporter.write_line(
            f"requests checked against Xero's spec: {_counts['checked']} (and the answer to each)"
        )
