#!/usr/bin/env bash
# xerohelper's set-up commands, for a fresh clone on Debian 12 (or a machine that already has
# Python 3.11+ and Qt's libraries). Each one installs whatever is missing, then does its job:
#
#   ./dev.sh demo          install, then open the app on the built-in demo shop
#   ./dev.sh test [ARGS]   install, then run every test (ARGS go to pytest)
#   ./dev.sh bench [NAMES] install, then run the benchmarks and print one table (tests/bench/)
#   ./dev.sh package       (not a set-up step) build the one-folder app and the .deb into dist/
#
# It installs Debian packages with apt-get when they are missing (as root, or through sudo), makes
# the virtual environment .venv/ and installs xerohelper into it. Running it again only redoes what changed.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
# Qt's libraries (reference/qt-packaging-keyring.md §2.4): offscreen, then a real window, then a font.
QT_OFFSCREEN_DEBS="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3"
QT_WINDOW_DEBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 fonts-dejavu-core"
# The keyring integration test runs a real Secret Service inside its own D-Bus session.
KEYRING_DEBS="gnome-keyring dbus"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_debs() {
  command -v dpkg-query >/dev/null 2>&1 || { say "Not a Debian-style system: skipping system packages ($*)."; return 0; }
  local missing=()
  for deb in "$@"; do
    dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || {
      say "These system packages are missing: ${missing[*]}"
      say "Ask whoever looks after this computer to run: apt-get install ${missing[*]}"
      exit 1
    }
    sudo=(sudo)
  fi
  say "Installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_python() {
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      echo "$py"; return 0
    fi
  done
  say "xerohelper needs Python 3.11 or newer; this computer has none."; exit 1
}

make_venv() {
  local extra=$1 py stamp want
  py=$(find_python)
  if [ ! -x "$VENV/bin/python" ]; then
    "$py" -c 'import venv, ensurepip' 2>/dev/null || install_debs python3-venv
    say "Creating the virtual environment in $VENV/"
    "$py" -m venv "$VENV"
  fi
  stamp="$VENV/.xerohelper-installed"
  want="$extra $(cat pyproject.toml | cksum)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing xerohelper and what it needs into $VENV/"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".$extra"
    echo "$want" > "$stamp"
  fi
}

case "${1:-}" in
  demo)
    shift
    install_debs $QT_OFFSCREEN_DEBS $QT_WINDOW_DEBS
    make_venv ""
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
      say "There is no screen here (no DISPLAY): run this on a desktop, or under xvfb-run."
      exit 1
    fi
    exec "$VENV/bin/xerohelper" --demo "$@"
    ;;
  test)
    shift
    install_debs $QT_OFFSCREEN_DEBS $QT_WINDOW_DEBS $KEYRING_DEBS
    make_venv "[test]"
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  bench)
    shift
    install_debs $QT_OFFSCREEN_DEBS $QT_WINDOW_DEBS
    make_venv "[test]"
    exec "$VENV/bin/python" -m tests.bench "$@"
    ;;
  package)
    # PyInstaller one-folder bundle (packaging/xerohelper.spec) and the .deb (packaging/linux/build_deb.py).
    # binutils: strip; dpkg-deb; desktop-file-validate checks the menu entry.
    shift
    install_debs $QT_OFFSCREEN_DEBS binutils dpkg desktop-file-utils
    make_venv "[package]"
    rm -rf dist/xerohelper build/pyinstaller
    # XEROHELPER_BUILT_IN_CLIENT_ID (the distributor's Xero app): checked and kept as package data; unset: none.
    "$VENV/bin/python" -m xerohelper.adapters.built_in_app
    say "Building the one-folder app into dist/xerohelper/ (PyInstaller)"
    "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
      --distpath dist --workpath build/pyinstaller packaging/xerohelper.spec
    say "Making the .deb"
    "$VENV/bin/python" packaging/linux/build_deb.py
    say "Built: dist/xerohelper/ ($(du -sh dist/xerohelper | cut -f1)), $(ls dist/xerohelper_*.deb)"
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
