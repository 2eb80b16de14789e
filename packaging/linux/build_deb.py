"""Wrap the PyInstaller one-folder bundle (dist/xerohelper/) into a Debian package:
dist/xerohelper_<version>_<arch>.deb.

    .venv/bin/python packaging/linux/build_deb.py        (./dev.sh package runs it after PyInstaller)

What goes where:
  /opt/xerohelper/                                   the bundle, as PyInstaller made it
  /usr/bin/xerohelper -> /opt/xerohelper/xerohelper  the command on PATH
  /usr/share/applications/xerohelper.desktop         the applications-menu entry (packaging/linux/)
  /usr/share/icons/hicolor/<N>x<N>/apps/xerohelper.png   16 to 512 px (PNG only: a menu without an SVG
                                                     loader would pick a scalable SVG first and show none)
  /usr/share/doc/xerohelper/copyright
No maintainer scripts: the desktop's menu and icon caches are refreshed by the triggers of the packages that
own them, and removing the package leaves nothing behind but the user's own data (settings, journal, logs
under ~/.config, ~/.local/share and ~/.local/state, and the sign-in in the keyring).
Needs dpkg-deb; checks the menu entry with desktop-file-validate when it is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "packaging" / "linux"
BUNDLE = ROOT / "dist" / "xerohelper"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def version() -> str:
    """xerohelper's version, as xerohelper/__init__.py stamps it (the one place it is written)."""
    text = (ROOT / "xerohelper" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE).group(1)


def architecture() -> str:
    try:
        return subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "amd64"


def control(version: str, arch: str, installed_kib: int) -> str:
    text = (HERE / "control.in").read_text(encoding="utf-8")
    for key, value in (("VERSION", version), ("ARCH", arch), ("INSTALLED_SIZE", str(installed_kib))):
        text = text.replace(f"@{key}@", value)
    return text


def _size_kib(folder: Path) -> int:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return (total + 1023) // 1024


def stage(target: Path, bundle: Path = BUNDLE) -> Path:
    """Lay out the package's files under `target` (emptied first)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(bundle, target / "opt" / "xerohelper", symlinks=True)
    (target / "usr" / "bin").mkdir(parents=True)
    (target / "usr" / "bin" / "xerohelper").symlink_to("/opt/xerohelper/xerohelper")
    share = target / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / "xerohelper.desktop", share / "applications" / "xerohelper.desktop")
    icons = ROOT / "xerohelper" / "resources" / "app"
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(icons / f"xerohelper-{size}.png", folder / "xerohelper.png")
    doc = share / "doc" / "xerohelper"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "xerohelper: the bundle includes Python, Qt for Python (PySide6, LGPLv3) and the Qt libraries\n"
        "(LGPLv3), keyring, xero-python, platformdirs and their dependencies, each under its own licence.\n",
        encoding="utf-8",
    )
    for path in [target, *target.rglob("*")]:  # what dpkg installs: root-owned, world-readable
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    (target / "DEBIAN").mkdir()
    (target / "DEBIAN" / "control").write_text(
        control(version(), architecture(), _size_kib(target)), encoding="utf-8"
    )
    return target


def validate_desktop_file(path: Path) -> str | None:
    """desktop-file-validate's complaints (None: valid, or the tool is not installed)."""
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        return None
    result = subprocess.run([tool, str(path)], capture_output=True, text=True)
    said = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        return said or f"exit code {result.returncode}"
    return said or None  # hints and warnings count too: the entry must be clean


def main() -> int:
    if not (BUNDLE / "xerohelper").is_file():
        print(f"No bundle in {BUNDLE}: build it first (./dev.sh package).", file=sys.stderr)
        return 1
    complaints = validate_desktop_file(HERE / "xerohelper.desktop")
    if complaints:
        print(f"xerohelper.desktop is not valid:\n{complaints}", file=sys.stderr)
        return 1
    if shutil.which("dpkg-deb") is None:
        print("dpkg-deb is needed (Debian package dpkg).", file=sys.stderr)
        return 1
    arch = architecture()
    target = stage(ROOT / "build" / "deb" / f"xerohelper_{version()}_{arch}")
    out = ROOT / "dist" / f"xerohelper_{version()}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", "-Zxz", str(target), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
