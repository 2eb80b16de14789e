"""The token store against a real Secret Service: gnome-keyring, unlocked, inside its own D-Bus session.

Everything else uses the in-memory keyring (tests/conftest.py). This test starts a private session bus
and keyring daemon with a throwaway HOME, so it never touches the developer's own keyring.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.keyring_integration

MISSING = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None]

SCRIPT = textwrap.dedent(
    """
    from xerohelper.adapters.token_store import SavedSignIn, TokenStore

    store = TokenStore("integration-test")
    backend = store.check()
    print("backend", type(backend).__module__, type(backend).__name__)
    saved = SavedSignIn.fresh("R" * 64, "tenant-1", ("offline_access", "accounting.invoices"))
    store.save(saved)
    again = TokenStore("integration-test").load()
    print("round trip", again == saved)
    store.delete()
    print("after delete", TokenStore("integration-test").load())
    store.delete()
    print("second delete fine")
    """
)


@pytest.mark.skipif(bool(MISSING), reason=f"needs {' and '.join(MISSING)} (dev.sh installs them)")
def test_the_sign_in_round_trips_through_gnome_keyring(tmp_path):
    home = tmp_path / "keyring-home"
    home.mkdir()
    script = tmp_path / "round_trip.py"
    script.write_text(SCRIPT)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "PYTHON_KEYRING", "GNOME_KEYRING", "XDG_"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    command = (
        "echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f'exec "{sys.executable}" "{script}"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", command],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert "backend keyring.backends.SecretService Keyring" in lines
    assert "round trip True" in lines
    assert "after delete None" in lines
    assert "second delete fine" in lines
