"""The app runs from an installed wheel, not from the source tree: every file it reads while it runs is
package data, found through importlib.resources. The wheel is built from a copy of the sources, installed
(not editable) into a fresh virtual environment, and opens the demo: `xerohelper --demo --self-test`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_installed_wheel_runs_the_demo_day(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT / "xerohelper", source / "xerohelper", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, "."],
        cwd=source,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("xerohelper-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # Its dependencies (Qt, the SDK, keyring) come from this environment, after the wheel's own folder; the
    # editable xerohelper of this environment is not loaded (a .pth line naming a folder loads no finders).
    site = Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"])
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    shutil.rmtree(source)  # nothing of the sources is left to be found by accident

    home = tmp_path / "home"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": os.environ["XDG_RUNTIME_DIR"],
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    where = subprocess.run(
        [python, "-c", "import xerohelper.resources as r; print(r.resource('demo').joinpath('x'))"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(site)), where.stdout
    result = subprocess.run(
        [venv / "bin" / "xerohelper", "--demo", "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["ok"] is True, (answer, result.stderr[-2000:])
    assert result.returncode == 0
