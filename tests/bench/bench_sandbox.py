"""How many requests a second the Xero sandbox answers on loopback (target: at least 200/s).

Run:  .venv/bin/python tests/bench/bench_sandbox.py [seconds per measurement, default 3]

The sandbox runs as its own process (`xerohelper sandbox`), as other tools use it; the clients run here:
  1. reads   — GET /api.xro/2.0/Invoices?page=1 (the three demo days with lines), 4 keep-alive clients;
  2. writes  — PUT /Invoices (one AUTHORISED day) then PUT /Payments (two tenders), 4 keep-alive clients;
  3. sdk     — the real xero-python SDK reading Organisation, one client (the SDK's own cost included).
Limits are raised for the run so they do not throttle it. Prints one line per measurement.
"""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.table import Figure, report  # noqa: E402
from xerohelper.sandbox.testing import connect, control, sdk_client  # noqa: E402

CLIENTS = 4


def _start_sandbox() -> tuple[subprocess.Popen, dict]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "xerohelper",
            "sandbox",
            "--port",
            "0",
            "--auto-consent",
            "--minute-limit",
            "100000000",
            "--day-limit",
            "100000000",
            "--access-token-seconds",
            "86400",
        ],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        text=True,
    )
    return process, json.loads(process.stdout.readline())


def _measure(name: str, seconds: float, clients: int, work) -> float:
    """Run work(client_number, connection) in a loop on each client; returns requests per second."""
    stop = time.perf_counter() + seconds
    counts = [0] * clients
    errors: list[str] = []

    def loop(number: int) -> None:
        try:
            while time.perf_counter() < stop:
                counts[number] += work(number)
        except Exception as problem:  # a benchmark reports, it does not crash
            errors.append(repr(problem))

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    rate = sum(counts) / elapsed
    print(
        f"  {name:7s} {rate:8.0f} requests/s  ({sum(counts)} requests in {elapsed:.1f} s, "
        f"{clients} client(s))" + (f"  ERRORS: {errors[:2]}" if errors else "")
    )
    return rate


def measure(seconds: float = 3.0) -> list[Figure]:
    process, ready = _start_sandbox()
    base = ready["base_url"]
    try:
        control(base, "limits", {"concurrent": 100, "app_minute": 100_000_000})
        token = connect(base, ready["client_id"])
        tenant = ready["tenants"][0]["tenant_id"]
        host, port = base.split("//")[1].split(":")
        headers = {
            "Authorization": f"Bearer {token['access_token']}",
            "xero-tenant-id": tenant,
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        connections = [http.client.HTTPConnection(host, int(port), timeout=10) for _ in range(CLIENTS)]

        def ask(number: int, method: str, path: str, body: bytes | None = None) -> dict:
            connection = connections[number]
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
            if answer.status != 200:
                raise RuntimeError(f"{method} {path} answered {answer.status}: {data[:200]!r}")
            return json.loads(data)

        def read(number: int) -> int:
            ask(number, "GET", "/api.xro/2.0/Invoices?page=1")
            return 1

        contact = ask(0, "GET", "/api.xro/2.0/Contacts?where=Name%3D%3D%22POS%20Sales%22")["Contacts"][0][
            "ContactID"
        ]
        serial = iter(range(10_000_000))
        serial_lock = threading.Lock()
        today = date.today().isoformat()

        def write(number: int) -> int:
            with serial_lock:
                n = next(serial)
            invoice = {
                "Invoices": [
                    {
                        "Type": "ACCREC",
                        "Contact": {"ContactID": contact},
                        "Date": today,
                        "DueDate": today,
                        "InvoiceNumber": f"BENCH-{n}",
                        "Status": "AUTHORISED",
                        "LineAmountTypes": "Inclusive",
                        "LineItems": [
                            {
                                "Description": "Till",
                                "Quantity": 1,
                                "UnitAmount": 110.0,
                                "AccountCode": "200",
                                "TaxType": "OUTPUT",
                            }
                        ],
                    }
                ]
            }
            made = ask(number, "PUT", "/api.xro/2.0/Invoices", json.dumps(invoice).encode())["Invoices"][0]
            tenders = {
                "Payments": [
                    {
                        "Invoice": {"InvoiceID": made["InvoiceID"]},
                        "Account": {"Code": "091"},
                        "Date": today,
                        "Amount": 60,
                    },
                    {
                        "Invoice": {"InvoiceID": made["InvoiceID"]},
                        "Account": {"Code": "615"},
                        "Date": today,
                        "Amount": 50,
                    },
                ]
            }
            ask(number, "PUT", "/api.xro/2.0/Payments?summarizeErrors=false", json.dumps(tenders).encode())
            return 2

        client = sdk_client(base, token)

        def sdk(number: int) -> int:
            client.accounting.get_organisations(tenant)
            return 1

        results = {
            "reads": _measure("reads", seconds, CLIENTS, read),
            "writes": _measure("writes", seconds, CLIENTS, write),
            "sdk": _measure("sdk", seconds, 1, sdk),
        }
        return [
            Figure(f"sandbox: {name} requests a second", rate, "/s", 200, at_most=False)
            for name, rate in results.items()
        ]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(10)


def main() -> int:
    numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
    return report(measure(float(numbers[0]) if numbers else 3.0))


if __name__ == "__main__":
    sys.exit(main())
