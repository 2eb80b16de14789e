"""A Xero-compatible HTTP server on 127.0.0.1: the demo's Xero, and the integration tests' Xero.

It plays Xero, not us: nothing here imports from the rest of xerohelper, and it uses only the standard
library. Run it with ``xerohelper sandbox`` (see xerohelper/commands/sandbox.py) or in-process:

    from xerohelper.sandbox import Sandbox
    sandbox = Sandbox(seed="demo", auto_consent=True)   # any SandboxSettings field as a keyword
    base_url = sandbox.start()                          # "http://127.0.0.1:PORT", a free port
    sandbox.client_id, sandbox.redirect_uris, sandbox.tenants   # what an app needs to know
    sandbox.clock.advance(1900)                         # time moves for tokens, limits, keys
    sandbox.stop()                                      # also usable as ``with Sandbox(...) as sandbox:``

Every Xero origin maps to this one origin with the same path:
``https://login.xero.com/identity/connect/authorize`` → ``BASE/identity/connect/authorize``,
``https://identity.xero.com/connect/token`` → ``BASE/connect/token`` (and ``/connect/revocation``),
``https://api.xero.com/connections`` → ``BASE/connections``,
``https://api.xero.com/api.xro/2.0/...`` → ``BASE/api.xro/2.0/...``.

Options (``SandboxSettings``): ``client_id``, ``redirect_uris`` (matched exactly), ``app_name``, ``seed``
("demo" or "empty"), ``state_file`` (kept across restarts), ``auto_consent`` and
``auto_consent_tenants`` (None = first organisation, "all", or ids/names), ``access_token_seconds``
(1800), ``code_seconds`` (300), ``refresh_token_days`` (60), ``refresh_grace_seconds`` (1800),
``minute_limit`` (60), ``concurrent_limit`` (5), ``day_limit`` (5000), ``app_minute_limit`` (10000),
``idempotency_seconds`` (360), ``start_time`` (where the movable clock starts), ``log_requests``.

Worth knowing:
- The consent page connects one organisation per sign-in (as on Xero's Starter and Core tiers); sign in
  again to add another, or start with ``auto_consent_tenants="all"`` to connect both demo organisations.
  ``--auto-consent`` connects the first organisation (Harbour Street Hardware) unless told otherwise.
- The demo organisations (demo_seed.py) are Australian; their "today" is the local day at UTC+10, and the
  three earlier days ``POS-YYYYMMDD`` are relative to it. Tenant ids are stable from run to run.
- ``GET /Invoices`` gives line items when paging or asking for particular invoices (``IDs``,
  ``InvoiceNumbers``); a plain list leaves them out, as Xero does.
- Limits are Xero's by default (60 a minute per organisation): tests that make many calls raise them
  (``minute_limit=...``) or move the clock.
- Texts Xero has never published (an unknown ContactID, a reused Idempotency-Key, a zero payment, an
  unreadable where clause, most credit-note texts) are marked "SANDBOX WORDING" in messages.py.
- Credit notes (``/CreditNotes``) follow the invoice rules; a refund is a payment whose ``CreditNote``
  names one (PaymentType ARCREDITPAYMENT). A refund read back from ``/Payments`` names the credit note
  under ``Invoice`` (Type ACCRECCREDIT), as Xero's own examples do. No allocations to invoices yet.

Talking to it: ``xerohelper.sandbox.testing`` has ``connect()`` (the whole sign-in with an HTTP client
standing in for the browser), ``sdk_client()`` (the real xero-python SDK pointed at the sandbox, with a
PKCE refresh), and ``control()`` for the ``/_sandbox/`` control endpoints, which are listed in
``xerohelper/sandbox/control.py`` (and at ``GET BASE/_sandbox/``).

The files, one job each: server.py (HTTP, routing, the order of checks), identity.py (sign-in, tokens,
connections), consent_page.py (the browser pages), accounting.py (Accounting API routing and reads),
contacts.py / invoices.py / credit_notes.py / payments.py (writes and Xero's rules), totals.py (line and
tax arithmetic), where.py (``where``/``order``), render.py (records as Xero writes them), xero_wire.py
(dates, decimals, JSON), messages.py (Xero's verbatim messages), responses.py (answer and error shapes),
limits.py, idempotency.py, faults.py, clock.py, store.py (state and ``--state`` files), demo_seed.py (the demo
organisations), control.py (``/_sandbox/``), instance.py (``Sandbox``), settings.py, web_screens.py and
web_pages.py (read-only pages at the paths of Xero's own web screens, so the demo's "Open in Xero" lands on
the record: ``BASE/organisationlogin/default.aspx?shortcode=!Xk3Lp&redirecturl=/AccountsReceivable/...``).
"""

from xerohelper.sandbox.instance import Sandbox
from xerohelper.sandbox.settings import DEFAULT_CLIENT_ID, DEFAULT_REDIRECT_URIS, SandboxSettings

__all__ = ["DEFAULT_CLIENT_ID", "DEFAULT_REDIRECT_URIS", "Sandbox", "SandboxSettings"]
