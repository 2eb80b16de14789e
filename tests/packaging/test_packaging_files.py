"""The packaging's own files, checked fast (the build and the install are the smoke check's job,
packaging/linux/smoke_check.sh): the PyInstaller spec, the desktop entry, the .deb's layout, and that every
installer is stamped with the one version xerohelper/__init__.py holds."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from xerohelper import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _build_deb():
    spec = importlib.util.spec_from_file_location("build_deb", PACKAGING / "linux" / "build_deb.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_spec_is_python_windowed_one_folder_with_the_resources():
    text = (PACKAGING / "xerohelper.spec").read_text(encoding="utf-8")
    compile(text, "xerohelper.spec", "exec")
    assert "console=False" in text and "exclude_binaries=True" in text and "COLLECT(" in text
    assert '(str(ROOT / "xerohelper" / "resources"), "xerohelper/resources")' in text
    assert "from xerohelper import __version__" in text  # the version comes from the package


def test_the_spec_leaves_out_no_qt_module_the_app_imports():
    used = set()
    for path in (ROOT / "xerohelper").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    text = (PACKAGING / "xerohelper.spec").read_text(encoding="utf-8")
    left_out = set(re.search(r'QT_NOT_USED = \[.*?\(\s*(".*?")\s*\)\.split', text, re.S).group(1).split())
    left_out = {name.strip('"') for name in left_out}
    assert used and not used & left_out, used & left_out
    assert used <= set(ast.literal_eval(re.search(r"QT_USED = (\{.*?\})", text).group(1)))


def test_the_desktop_entry_starts_the_command_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / "xerohelper.desktop", encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application" and main["Exec"] == "xerohelper" and main["Icon"] == "xerohelper"
    assert main["Terminal"] == "false" and "Finance" in main["Categories"].split(";")
    assert main["StartupWMClass"] == "xerohelper"
    assert entry["Desktop Action demo"]["Exec"] == "xerohelper --demo"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_has_nothing_to_say():
    assert _build_deb().validate_desktop_file(PACKAGING / "linux" / "xerohelper.desktop") is None


def test_the_deb_is_laid_out_and_stamped_with_the_version(tmp_path):
    build_deb = _build_deb()
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "xerohelper").write_text("#!/bin/sh\n")
    (bundle / "xerohelper").chmod(0o700)
    (bundle / "_internal" / "lib.so").write_bytes(b"x" * 5000)
    root = build_deb.stage(tmp_path / "stage", bundle)
    assert build_deb.version() == __version__
    control = (root / "DEBIAN" / "control").read_text()
    assert f"\nVersion: {__version__}\n" in control
    assert "fonts-dejavu-core" in control and "libegl1" in control and "Recommends: gnome-keyring" in control
    assert re.search(r"\nInstalled-Size: \d+\n", control) and not re.search(r"@[A-Z_]+@", control)
    assert os.readlink(root / "usr" / "bin" / "xerohelper") == "/opt/xerohelper/xerohelper"
    assert stat.S_IMODE((root / "opt" / "xerohelper" / "xerohelper").stat().st_mode) == 0o755
    assert stat.S_IMODE((root / "opt" / "xerohelper" / "_internal" / "lib.so").stat().st_mode) == 0o644
    assert (root / "usr/share/applications/xerohelper.desktop").is_file()
    for size in build_deb.ICON_SIZES:
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps/xerohelper.png").is_file()


def test_windows_and_macos_take_the_version_from_the_package():
    iss = (PACKAGING / "windows" / "xerohelper.iss").read_text(encoding="utf-8")
    assert "AppVersion={#AppVersion}" in iss and "PrivilegesRequired=lowest" in iss
    assert "#define AppVersion" not in iss  # never a version of its own: the workflow passes it in
    workflow = (ROOT / ".github" / "workflows" / "package.yml").read_text(encoding="utf-8")
    assert workflow.count("import xerohelper; print(xerohelper.__version__)") == 2
    assert "/DAppVersion=$env:VERSION" in workflow and "--demo --self-test" in workflow


def test_the_icon_files_are_what_make_icons_writes():
    icns = (PACKAGING / "icons" / "xerohelper.icns").read_bytes()
    assert icns[:4] == b"icns" and int.from_bytes(icns[4:8], "big") == len(icns)
    ico = (PACKAGING / "icons" / "xerohelper.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") == 7


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_the_shell_scripts_parse():
    for script in (
        ROOT / "dev.sh",
        PACKAGING / "linux" / "smoke_check.sh",
        PACKAGING / "linux" / "in_fresh_debian.sh",
        PACKAGING / "macos" / "make_dmg.sh",
    ):
        subprocess.run(["bash", "-n", str(script)], check=True)
