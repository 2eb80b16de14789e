"""Control endpoints under ``/_sandbox/`` — for tests, and for anyone exploring. Never on a Xero path.

All take and return JSON. ``tenant`` is an organisation's tenant id or name (default: the first one).
A date is ``"YYYY-MM-DD"``; ``null`` clears it.

GET  /_sandbox/                       this list
GET  /_sandbox/state                  everything held (the --state file's content) plus runtime figures
GET  /_sandbox/clock                  {"now": ISO, "offset_seconds": n}
POST /_sandbox/clock                  {"advance_seconds": n} or {"now": "2026-07-01T09:00:00+00:00"}
POST /_sandbox/tokens/revoke          revoke every token, as if the person revoked the app ({"client_id"})
POST /_sandbox/tokens/expire          every access token expires now (refresh tokens still work)
POST /_sandbox/connections/remove     {"tenant"}: disconnect that organisation (tokens still refresh)
POST /_sandbox/contacts/archive       {"tenant", "contact": id or name}
POST /_sandbox/contacts/restore       {"tenant", "contact": id or name}
POST /_sandbox/tracking/archive       {"tenant", "category": id or name, "option": id or name}; also restore,
                                      delete (the option is gone, as when it is deleted in Xero); without
                                      "option", the category itself
POST /_sandbox/lock-dates             {"tenant", "period_lock_date", "end_of_year_lock_date"}
POST /_sandbox/accounts/remove-code   {"tenant", "code"}: the account keeps its id, loses its code
POST /_sandbox/accounts/disable-payments   {"tenant", "code" or "account_id"}; also enable-payments
POST /_sandbox/accounts/archive       {"tenant", "code" or "account_id"}; also restore
POST /_sandbox/organisation           {"tenant", "approved_invoice_limit": n or null, "plan": "STARTER"}
POST /_sandbox/faults                 {"kind": "500"|"503"|"429"|"429-day"|"403"|"offline"|"drop"|
                                      "drop-after", "count": n, "path_contains", "method", "retry_after"}:
                                      the next n matching calls fail that way (drop-after: carried out,
                                      but the answer is lost)
POST /_sandbox/latency                {"ms": n}: every Xero call waits that long first
GET  /_sandbox/faults                 what is pending; DELETE clears faults and latency
GET  /_sandbox/requests               calls per endpoint ("PUT /api.xro/2.0/payments") and the calls
                                      answered with an error ("refused": {"PUT …/invoices 400": n});
                                      DELETE resets both
GET  /_sandbox/limits                 usage; POST {"minute", "day", "concurrent", "app_minute", "reset"}
POST /_sandbox/consent                {"auto_consent": bool, "tenants": "all" | [id or name] | null}
POST /_sandbox/reset                  {"seed": "demo"|"empty"}: start again from a seed (tokens go too)
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from xerohelper.sandbox import demo_seed
from xerohelper.sandbox.faults import Fault
from xerohelper.sandbox.responses import Response, plain_json
from xerohelper.sandbox.store import Account, Ledger, world_to_json

if TYPE_CHECKING:
    from xerohelper.sandbox.server import Request, SandboxApp


class ControlError(ValueError):
    pass


def _endpoints() -> list[str]:
    """The table in this module's docstring, one entry per endpoint."""
    entries: list[str] = []
    for line in (__doc__ or "").splitlines():
        if line[:4] in ("GET ", "POST") and "/_sandbox/" in line:
            entries.append(" ".join(line.split()))
        elif entries and line.startswith("     ") and line.strip():
            entries[-1] += " " + " ".join(line.split())
        elif not line.strip() and entries:
            break
    return entries


def _body(request: Request) -> dict:
    if not request.body.strip():
        return {}
    try:
        document = json.loads(request.body)
    except ValueError as exc:
        raise ControlError("the body is not JSON") from exc
    if not isinstance(document, dict):
        raise ControlError("the body must be a JSON object")
    return document


def _ledger(app: SandboxApp, body: dict) -> Ledger:
    wanted = body.get("tenant")
    ledgers = list(app.world.organisations.values())
    if not ledgers:
        raise ControlError("there is no organisation")
    if wanted is None:
        return ledgers[0]
    text = str(wanted).strip().lower()
    for ledger in ledgers:
        if ledger.tenant_id == text or ledger.organisation.name.lower() == text:
            return ledger
    raise ControlError(f"no organisation {wanted!r}")


def _account(ledger: Ledger, body: dict) -> Account:
    if body.get("account_id"):
        account = ledger.accounts.get(str(body["account_id"]).lower())
    else:
        account = ledger.account_by_code(body.get("code"))
    if account is None:
        raise ControlError(f"no account {body.get('code') or body.get('account_id')!r}")
    return account


def _tracking_option(ledger: Ledger, body: dict, action: str) -> dict:
    """Archive, restore or delete one option of a tracking category, or the category (by id or name)."""
    wanted = str(body.get("category", "")).strip().casefold()
    category = next(
        (
            c
            for c in ledger.tracking_categories
            if wanted in (c.tracking_category_id.casefold(), c.name.casefold())
        ),
        None,
    )
    if category is None:
        raise ControlError(f"no tracking category {body.get('category')!r}")
    if "option" not in body:
        if action == "delete":
            ledger.tracking_categories.remove(category)
            return {"tracking_category_id": category.tracking_category_id, "status": "DELETED"}
        category.status = "ARCHIVED" if action == "archive" else "ACTIVE"
        return {"tracking_category_id": category.tracking_category_id, "status": category.status}
    named = str(body.get("option", "")).strip().casefold()
    option = next(
        (o for o in category.options if named in (o.tracking_option_id.casefold(), o.name.casefold())), None
    )
    if option is None:
        raise ControlError(f"no option {body.get('option')!r} in {category.name!r}")
    if action == "delete":
        category.options.remove(option)
        return {"tracking_option_id": option.tracking_option_id, "status": "DELETED"}
    option.status = "ARCHIVED" if action == "archive" else "ACTIVE"
    return {"tracking_option_id": option.tracking_option_id, "status": option.status}


def _date(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ControlError(f"{value!r} is not a YYYY-MM-DD date") from exc


def handle(app: SandboxApp, request: Request, path: str) -> Response:
    try:
        with app.world.lock:
            answer, changed = _dispatch(app, request, path.rstrip("/") or "/")
    except ControlError as problem:
        return plain_json(400, {"error": str(problem)})
    except (ValueError, TypeError, AttributeError) as problem:  # e.g. {"advance_seconds": "soon"}
        return plain_json(400, {"error": f"could not use that request: {problem}"})
    if answer is None:
        return plain_json(
            404, {"error": f"no control endpoint {request.method} /_sandbox{path}", "endpoints": _endpoints()}
        )
    if changed:
        app.changed()
    return plain_json(200, answer)


def _dispatch(app: SandboxApp, request: Request, path: str) -> tuple[dict | None, bool]:
    method = request.method
    world = app.world
    now = app.clock.now()
    if method == "GET" and path == "/":
        return {"base_url": app.base_url, "endpoints": _endpoints()}, False
    if method == "GET" and path == "/state":
        document = world_to_json(world)
        document["runtime"] = {
            "now": now.isoformat(),
            "limits": app.limits.snapshot(),
            "faults": app.faults.snapshot(),
            "idempotency_keys": app.idempotency.count(),
            "idempotent_replays": app.idempotency.replays,
        }
        return document, False
    if path == "/clock":
        if method == "POST":
            body = _body(request)
            if "advance_seconds" in body:
                app.clock.advance(float(body["advance_seconds"]))
            elif "now" in body:
                try:
                    app.clock.set(datetime.fromisoformat(str(body["now"])))
                except ValueError as exc:
                    raise ControlError("'now' must be an ISO date and time") from exc
            else:
                raise ControlError("send advance_seconds or now")
            world.clock_offset_seconds = app.clock.offset_seconds
            return _clock(app), True
        return (_clock(app), False) if method == "GET" else (None, False)
    if method != "POST" and path not in ("/faults", "/requests", "/limits"):
        return None, False
    body = _body(request) if method == "POST" else {}
    if path == "/tokens/revoke":
        client = body.get("client_id")
        revoked = 0
        for user in world.users.values():
            for client_id in {g.client_id for g in world.grants.values() if g.user_id == user.user_id}:
                if client is None or client == client_id:
                    revoked += app.identity.revoke_app_for_user(user.user_id, client_id)
        return {"revoked_grants": revoked}, True
    if path == "/tokens/expire":
        return {"expired_access_tokens": app.identity.expire_access_tokens()}, True
    if path == "/connections/remove":
        ledger = _ledger(app, body)
        return {"removed_connections": app.identity.remove_tenant_connections(ledger.tenant_id)}, True
    if path in ("/contacts/archive", "/contacts/restore"):
        ledger = _ledger(app, body)
        contact = ledger.find_contact(str(body.get("contact", "")))
        if contact is None:
            raise ControlError(f"no contact {body.get('contact')!r}")
        contact.status = "ARCHIVED" if path.endswith("archive") else "ACTIVE"
        contact.updated = now
        return {"contact_id": contact.contact_id, "status": contact.status}, True
    if path in ("/tracking/archive", "/tracking/restore", "/tracking/delete"):
        return _tracking_option(_ledger(app, body), body, path.rsplit("/", 1)[1]), True
    if path == "/lock-dates":
        ledger = _ledger(app, body)
        org = ledger.organisation
        if "period_lock_date" in body:
            org.period_lock_date = _date(body["period_lock_date"])
        if "end_of_year_lock_date" in body:
            org.end_of_year_lock_date = _date(body["end_of_year_lock_date"])
        return {
            "period_lock_date": org.period_lock_date and org.period_lock_date.isoformat(),
            "end_of_year_lock_date": org.end_of_year_lock_date and org.end_of_year_lock_date.isoformat(),
        }, True
    if path.startswith("/accounts/"):
        ledger = _ledger(app, body)
        account = _account(ledger, body)
        action = path.split("/", 2)[2]
        if action == "remove-code":
            account.code = None
        elif action == "disable-payments":
            account.enable_payments_to_account = False
        elif action == "enable-payments":
            account.enable_payments_to_account = True
        elif action == "archive":
            account.status = "ARCHIVED"
        elif action == "restore":
            account.status = "ACTIVE"
        else:
            return None, False
        account.updated = now
        return {
            "account_id": account.account_id,
            "code": account.code,
            "status": account.status,
            "enable_payments_to_account": account.enable_payments_to_account,
        }, True
    if path == "/organisation":
        ledger = _ledger(app, body)
        org = ledger.organisation
        if "approved_invoice_limit" in body:
            limit = body["approved_invoice_limit"]
            org.approved_invoice_limit = None if limit is None else int(limit)
        if "plan" in body:
            org.plan = str(body["plan"])
        return {
            "tenant_id": ledger.tenant_id,
            "plan": org.plan,
            "approved_invoice_limit": org.approved_invoice_limit,
        }, True
    if path == "/faults":
        if method == "GET":
            return app.faults.snapshot(), False
        if method == "DELETE":
            app.faults.clear()
            return app.faults.snapshot(), False
        try:
            app.faults.add(
                Fault(
                    kind=str(body.get("kind", "")),
                    remaining=int(body.get("count", 1)),
                    path_contains=body.get("path_contains"),
                    method=body.get("method"),
                    retry_after=None if body.get("retry_after") is None else int(body["retry_after"]),
                )
            )
        except ValueError as problem:
            raise ControlError(str(problem)) from problem
        return app.faults.snapshot(), False
    if path == "/latency":
        app.faults.latency_ms = max(0, int(body.get("ms", 0)))
        return app.faults.snapshot(), False
    if path == "/requests":
        if method == "DELETE":
            with app.counts_lock:
                app.counts.clear()
                app.refusals.clear()
        if method == "POST":
            return None, False
        with app.counts_lock:
            counts = dict(sorted(app.counts.items()))
            refused = dict(sorted(app.refusals.items()))
        return {"total": sum(counts.values()), "by_endpoint": counts, "refused": refused}, False
    if path == "/limits":
        if method == "POST":
            for key, attribute in (
                ("minute", "minute_limit"),
                ("day", "day_limit"),
                ("concurrent", "concurrent_limit"),
                ("app_minute", "app_minute_limit"),
            ):
                if key in body:
                    setattr(app.settings, attribute, int(body[key]))
            if body.get("reset"):
                app.limits.reset()
        if method == "DELETE":
            app.limits.reset()
        return app.limits.snapshot(), False
    if path == "/consent":
        if "auto_consent" in body:
            app.settings.auto_consent = bool(body["auto_consent"])
        if "tenants" in body:
            app.settings.auto_consent_tenants = body["tenants"]
        return {
            "auto_consent": app.settings.auto_consent,
            "tenants": app.settings.auto_consent_tenants,
        }, False
    if path == "/reset":
        seed = str(body.get("seed", app.settings.seed))
        try:
            fresh = demo_seed.build_world(seed, app.clock)
        except ValueError as problem:
            raise ControlError(str(problem)) from problem
        for name in (
            "organisations",
            "users",
            "connections",
            "consented_scopes",
            "grants",
            "refresh_tokens",
            "access_tokens",
            "codes",
            "pending",
        ):
            setattr(world, name, getattr(fresh, name))
        app.limits.reset()
        app.faults.clear()
        return {
            "seed": seed,
            "tenants": [
                {"tenant_id": t, "name": ledger.organisation.name}
                for t, ledger in world.organisations.items()
            ],
        }, True
    return None, False


def _clock(app: SandboxApp) -> dict:
    return {"now": app.clock.now().isoformat(), "offset_seconds": app.clock.offset_seconds}
