"""The Xero app's client id an installed build carries (a PKCE app has no secret, so it is safe to ship).

The packaging step writes it: `XEROHELPER_BUILT_IN_CLIENT_ID=… python -m xerohelper.adapters.built_in_app`
puts it in `built_in_client_id.txt` next to this module (package data, not in git). A source checkout has
none; the settings file and XEROHELPER_CLIENT_ID still win over it (services/connection.py).
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

from xerohelper.core.connection import client_id_problem

BUILD_SETTING = "XEROHELPER_BUILT_IN_CLIENT_ID"
FILE = Path(str(resources.files(__package__) / "built_in_client_id.txt"))  # package data, next to this


def built_in_client_id(path: Path = FILE) -> str:
    """The client id the build put in, or "" (none, or unreadable)."""
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def write_built_in_client_id(client_id: str, path: Path = FILE) -> Path:
    """For the packaging step: keep `client_id` in the package ("" removes it)."""
    client_id = client_id.strip()
    if not client_id:
        path.unlink(missing_ok=True)
    else:
        path.write_text(client_id + "\n", encoding="utf-8")
    return path


def main() -> int:
    client_id = os.environ.get(BUILD_SETTING, "")
    problem = client_id_problem(client_id) if client_id.strip() else ""
    if problem:  # a build must not ship an app that can't sign in
        print(f"{BUILD_SETTING}: {problem}", file=sys.stderr)
        return 2
    written = write_built_in_client_id(client_id)
    print(f"built-in client id {'written to ' + str(written) if client_id.strip() else 'none (removed)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
