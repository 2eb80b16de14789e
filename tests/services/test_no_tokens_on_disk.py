"""Connect, run a day and disconnect with every log at DEBUG, then search every file under HOME for tokens.

The access token lives in memory, the refresh token only in the keyring: neither may appear in the
settings, the logs or anywhere else under the user's home folder.
"""

from __future__ import annotations

import logging

from tests.services.sandbox_sign_in import sign_in_sandbox
from xerohelper.adapters.app_folders import AppFolders
from xerohelper.adapters.logs import start_logging
from xerohelper.services.day_checklist import DayChecklistService
from xerohelper.services.demo_shop import demo_day_file
from xerohelper.services.import_day import import_day_file


def test_no_token_or_code_is_ever_written_under_home(user_folders, memory_keyring):
    folders = AppFolders.for_this_user().create()
    log_file = start_logging(folders.logs, level=logging.DEBUG)
    # Everything any library logs too, unredacted, to a second file under HOME.
    raw = logging.FileHandler(user_folders / "everything.log", encoding="utf-8")
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(raw)
    root.setLevel(logging.DEBUG)
    try:
        with sign_in_sandbox() as xero:
            service = xero.service()
            service.connect()
            assert service.check().connected
            service.refresh()
            api = service.api()
            api.call(api.accounting.get_organisations, service.tenant_id)
            api.call(api.accounting.get_invoices, service.tenant_id)
            # A whole day: imported, posted, approved, paid — journal and logs written under HOME.
            days = DayChecklistService.for_connection(service)
            today = xero.sandbox.clock.today()
            days.save_day(import_day_file(demo_day_file(today, user_folders / "till")).days[0])
            assert days.run_day(today, approve=True).is_finished
            days.journal.close()
            assert service.disconnect().told_xero
            secrets = xero.issued_secrets()
    finally:
        root.removeHandler(raw)
        raw.close()
        root.setLevel(previous_level)
        ours = logging.getLogger("xerohelper")
        for handler in list(ours.handlers):
            ours.removeHandler(handler)
            handler.close()

    assert len(secrets) >= 5  # a code, two access tokens and two refresh tokens at least
    files = [p for p in user_folders.rglob("*") if p.is_file()]
    assert log_file in files
    assert any(p.name == "settings.json" for p in files)
    assert any(p.name == "journal.sqlite3" for p in files)
    assert "sign-in listener: GET /callback" in log_file.read_text(encoding="utf-8")
    for path in files:
        content = path.read_bytes().decode("utf-8", "replace")
        leaked = [s[:8] + "…" for s in secrets if s in content]
        assert not leaked, f"{path} holds a token or code: {leaked}"
