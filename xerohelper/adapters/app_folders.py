"""Where xerohelper keeps its settings, its journal and its logs on this computer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from xerohelper import APP_NAME


@dataclass(frozen=True)
class AppFolders:
    settings: Path
    data: Path
    logs: Path

    @classmethod
    def for_this_user(cls) -> AppFolders:
        return cls(
            settings=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    def create(self) -> AppFolders:
        for folder in (self.settings, self.data, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self
