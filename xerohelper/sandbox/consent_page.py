"""The pages a person sees in the browser during the sandbox's sign-in: the consent page and error pages."""

from __future__ import annotations

from html import escape

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f5f7;color:#1e2a36;
margin:0} main{max-width:30rem;margin:3rem auto;background:#fff;border-radius:8px;padding:2rem;
box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin-top:0} .sandbox{font-size:.8rem;color:#5b6b7b;margin-bottom:1.5rem}
ul{padding-left:1.2rem} label{display:block;margin:.4rem 0} .error{color:#b00020}
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:4px;border:1px solid #13b5ea;margin-right:.5rem}
button[value=allow]{background:#13b5ea;color:#fff} button[value=deny]{background:#fff;color:#13b5ea}
"""

SCOPE_WORDS = {
    "openid": "Know who you are (your Xero user id)",
    "profile": "See your name",
    "email": "See your email address",
    "offline_access": "Keep working when you are not signed in (for 60 days without use)",
    "accounting.transactions": "View and manage your business transactions",
    "accounting.transactions.read": "View your business transactions",
    "accounting.invoices": "View and manage your invoices",
    "accounting.invoices.read": "View your invoices",
    "accounting.payments": "View and manage your payments",
    "accounting.payments.read": "View your payments",
    "accounting.contacts": "View and manage your contacts",
    "accounting.contacts.read": "View your contacts",
    "accounting.settings": "View and manage your organisation settings",
    "accounting.settings.read": "View your organisation settings",
}


def _page(title: str, content: str) -> str:
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body><main>"
        "<div class=sandbox>Xero sandbox on this computer — not the real Xero</div>"
        f"{content}</main></body></html>"
    )


def consent(
    *,
    app_name: str,
    request_id: str,
    person: str,
    scopes: list[str],
    organisations: list[tuple[str, str]],
    error: str | None = None,
    over_the_cap: frozenset[str] = frozenset(),
) -> str:
    """Choose an organisation, then Allow or Deny (one organisation per consent, as on Xero's Starter
    tier). Organisations in ``over_the_cap`` are offered but disabled: the app is at its connection cap."""
    scope_items = "".join(f"<li>{escape(SCOPE_WORDS.get(s, s))}</li>" for s in scopes)
    choices = "".join(
        f'<label><input type=radio name=tenant_id value="{escape(tid)}"{" checked" if i == 0 else ""}'
        f"{' disabled' if tid in over_the_cap else ''}> {escape(name)}</label>"
        for i, (tid, name) in enumerate(organisations)
    )
    warning = f"<p class=error>{escape(error)}</p>" if error else ""
    return _page(
        f"{app_name} wants to connect",
        f"<h1>{escape(app_name)} wants access to your Xero organisation</h1>"
        f"<p>Signed in as {escape(person)}</p>{warning}"
        f"<form method=post action=/identity/connect/consent>"
        f'<input type=hidden name=request_id value="{escape(request_id)}">'
        f"<p><strong>Choose the organisation</strong></p>{choices}"
        f"<p><strong>{escape(app_name)} will be able to:</strong></p><ul>{scope_items}</ul>"
        f"<button name=decision value=allow>Allow access</button>"
        f"<button name=decision value=deny>Cancel</button></form>",
    )


def error(code: int, text: str) -> str:
    return _page(
        "Error", f"<h1>Sorry, something went wrong</h1><p>Error code: {code}</p><p>Error: {escape(text)}</p>"
    )


def index(base_url: str) -> str:
    links = "".join(
        f'<li><a href="{escape(base_url + path)}">{escape(path)}</a> — {escape(words)}</li>'
        for path, words in (
            ("/_sandbox/", "control endpoints (state, clock, faults, lock dates…)"),
            ("/_sandbox/state", "everything the sandbox holds, as JSON"),
            ("/.well-known/openid-configuration", "where the sign-in endpoints are"),
        )
    )
    return _page(
        "Xero sandbox",
        f"<h1>Xero sandbox</h1><p>Serving Xero's API at {escape(base_url)}</p><ul>{links}</ul>",
    )
