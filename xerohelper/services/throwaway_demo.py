"""The demo shop in a folder of its own that is thrown away afterwards: for `xerohelper --demo --self-test`
(ui/self_test.py), which must never touch the owner's settings, journal, demo or password store.

    demo = ThrowawayDemo()          # a new temporary folder; the log goes into it
    window = MainWindow(session=demo.session)
    ...
    demo.finish(keep=not ok)        # removed, unless the run failed (then its logs are worth keeping)
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from xerohelper.adapters.app_folders import AppFolders
from xerohelper.services.app_session import AppSession


class ThrowawayDemo:
    def __init__(self) -> None:
        from xerohelper.adapters.logs import start_logging

        self.folder = Path(tempfile.mkdtemp(prefix="xerohelper-self-test-"))
        folders = AppFolders(
            settings=self.folder / "settings", data=self.folder / "data", logs=self.folder / "logs"
        ).create()
        self.logs = folders.logs
        start_logging(folders.logs)
        self.session = AppSession(folders=folders, demo=True)

    def finish(self, keep: bool = False) -> None:
        from xerohelper.adapters.logs import stop_logging

        stop_logging()
        if not keep:
            shutil.rmtree(self.folder, ignore_errors=True)
