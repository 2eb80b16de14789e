"""The command line: answers without Qt where it should, and says clearly when a command is wrong."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from xerohelper import __version__
from xerohelper.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "xerohelper", *args], capture_output=True, text=True, timeout=60, env=env
    )


def test_version_prints_version_without_loading_qt_or_the_sdk():
    probe = (
        "import sys\n"
        "from xerohelper.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as e:\n    code = e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'xero_python', 'keyring'))\n"
        "print('exit', code, 'heavy', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert f"xerohelper {__version__}" in result.stdout
    assert "exit 0 heavy []" in result.stdout


def test_help_lists_demo_and_exits_zero_without_qt():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "--demo" in result.stdout
    assert "--version" in result.stdout
    probe = (
        "import sys\nfrom xerohelper.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('qt loaded' if 'PySide6' in sys.modules else 'qt not loaded')\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().endswith("qt not loaded")


def test_entry_point_and_module_agree():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"xerohelper {__version__}"


def test_unknown_command_is_named_with_a_next_step_and_exits_2(capsys):
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'frobnicate'" in err
    assert "xerohelper --help" in err


def test_unknown_option_exits_2_with_a_hint(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--no-such-option"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--no-such-option" in err
    assert "--help" in err
