"""Stands in for the person at the browser during a sign-in to the sandbox.

It opens the sign-in link, picks the organisation on the sandbox's consent page (or takes the sandbox's
auto-consent), clicks Allow (or Cancel), and follows the redirect to xerohelper's loopback listener,
exactly as a browser would: the code only ever travels through the listener.

In-process: `ConnectionService(..., open_browser=BrowserStandIn(organisation="Pier Nine Cafe"))`.
As $BROWSER for the command line: `python browser_stand_in.py LINK`, with XEROHELPER_TEST_ORGANISATION
and XEROHELPER_TEST_DECISION (allow/deny) in the environment.
"""

from __future__ import annotations

import html
import os
import re
import sys
import urllib.parse

from xerohelper.sandbox.testing import http_request


class BrowserStandIn:
    def __init__(
        self, organisation: str | None = None, decision: str = "allow", detours: tuple[str, ...] = ()
    ):
        self.organisation = organisation
        self.decision = decision
        self.detours = detours  # paths to request on the listener first (favicon, forged callbacks…)
        self.pages: list[tuple[int, str]] = []  # what the listener answered, last one last
        self.links: list[str] = []

    def __call__(self, link: str) -> bool:
        self.links.append(link)
        status, headers, body = http_request("GET", link)
        if status == 200:  # the consent page
            status, headers, body = self._consent(body.decode("utf-8"), link)
        if status != 302:
            self.pages.append((status, body.decode("utf-8", "replace")))
            return True  # an error page from "Xero": the app is never told
        location = headers["location"]
        listener = urllib.parse.urlsplit(location)
        for path in self.detours:
            self.pages.append(self._get(f"{listener.scheme}://{listener.netloc}{path}"))
        self.pages.append(self._get(location))
        return True

    def _consent(self, page: str, link: str):
        request_id = html.unescape(re.search(r'name=request_id value="([^"]+)"', page).group(1))
        offered = {
            html.unescape(name).strip(): html.unescape(tid)
            for tid, name in re.findall(r'name=tenant_id value="([^"]+)"[^>]*>\s*([^<]+)</label>', page)
        }
        chosen = next(iter(offered.values()))
        if self.organisation is not None:
            chosen = offered[self.organisation]
        form = urllib.parse.urlencode(
            {"request_id": request_id, "decision": self.decision, "tenant_id": chosen}
        )
        origin = urllib.parse.urlsplit(link)
        return http_request(
            "POST",
            f"{origin.scheme}://{origin.netloc}/identity/connect/consent",
            form,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    @staticmethod
    def _get(url: str) -> tuple[int, str]:
        status, _headers, body = http_request("GET", url)
        return status, body.decode("utf-8", "replace")


if __name__ == "__main__":
    browser = BrowserStandIn(
        organisation=os.environ.get("XEROHELPER_TEST_ORGANISATION") or None,
        decision=os.environ.get("XEROHELPER_TEST_DECISION", "allow"),
    )
    browser(sys.argv[1])
    sys.exit(0)
