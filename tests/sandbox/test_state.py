"""--state FILE: everything the sandbox holds survives a restart, in-process and on the command line."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from decimal import Decimal

from tests.sandbox.helpers import day_invoice, invoices, payment, payments
from xerohelper.sandbox import Sandbox
from xerohelper.sandbox.store import load_world, world_from_json, world_to_json
from xerohelper.sandbox.testing import connect, control, refresh, sdk_client


def test_world_round_trips_through_json(sandbox):
    document = json.loads(json.dumps(world_to_json(sandbox.world)))
    again = world_from_json(document)
    assert world_to_json(again) == world_to_json(sandbox.world)
    invoice = next(iter(again.organisations[sandbox.tenants[0]["tenant_id"]].invoices.values()))
    assert isinstance(invoice.total, Decimal)


def test_books_tokens_and_clock_survive_a_restart(tmp_path):
    state = tmp_path / "sandbox.json"
    first = Sandbox("demo", state_file=state)
    base = first.start()
    token = connect(base, first.client_id)
    client = sdk_client(base, token)
    tenant = client.identity.get_connections()[0].tenant_id
    pos = client.accounting.get_contacts(tenant, where='Name=="POS Sales"').contacts[0].contact_id
    today = first.clock.today(600)
    made = client.accounting.create_invoices(
        tenant, invoices(day_invoice(pos, "POS-KEPT", status="AUTHORISED", day=today))
    ).invoices[0]
    client.accounting.create_payments(tenant, payments(payment(made.invoice_id, "10.00", day=today)))
    control(base, "clock", {"advance_seconds": 600})
    first.stop()
    assert load_world(state).organisations[tenant].invoices[made.invoice_id].amount_paid == Decimal("10.00")

    second = Sandbox("demo", state_file=state)
    base = second.start()
    try:
        assert second.clock.offset_seconds >= 599
        renewed = refresh(base, second.client_id, token["refresh_token"])
        client = sdk_client(base, renewed)
        again = client.accounting.get_invoice(tenant, made.invoice_id).invoices[0]
        assert (again.invoice_number, again.amount_due) == ("POS-KEPT", Decimal("100.00"))
        assert second.tenants[0]["tenant_id"] == tenant
    finally:
        second.stop()


def test_command_line_state_file(tmp_path):
    state = tmp_path / "kept.json"

    def start():
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "xerohelper",
                "sandbox",
                "--port",
                "0",
                "--state",
                str(state),
                "--auto-consent",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        return process, json.loads(process.stdout.readline())

    process, ready = start()
    try:
        control(ready["base_url"], "contacts/archive", {"contact": "POS Sales"})
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=10)
    process, ready = start()
    try:
        contacts = control(ready["base_url"], "state")["world"]["organisations"][
            ready["tenants"][0]["tenant_id"]
        ]["contacts"]
        assert {c["name"]: c["status"] for c in contacts.values()}["POS Sales"] == "ARCHIVED"
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=10)


def test_unreadable_state_file_is_explained(tmp_path):
    state = tmp_path / "broken.json"
    state.write_text("{ not json")
    result = subprocess.run(
        [sys.executable, "-m", "xerohelper", "sandbox", "--port", "0", "--state", str(state)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "could not read the state file" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
