#!/usr/bin/env bash
# The packaging smoke check (slow: not part of the test run). From the repository root:
#
#   packaging/linux/smoke_check.sh            build (./dev.sh package), then check the .deb in a fresh Debian 12
#   packaging/linux/smoke_check.sh --no-build check the .deb already in dist/
#   SHOTS=1 packaging/linux/smoke_check.sh --no-build   also take the README's install screenshots
#
# A fresh minimal Debian 12 chroot (../shared/tools/fresh-debian.sh, or $FRESH_DEBIAN; needs root) gets
# the .deb; in_fresh_debian.sh installs it there, runs the installed `xerohelper --demo --self-test`
# offscreen, checks "ok": true and that nothing is left running, removes the package and checks that
# nothing of it is left outside the user's data. Exit 0 and "SMOKE PASS" when all of that holds.
set -euo pipefail
cd "$(dirname "$0")/../.."
FRESH=${FRESH_DEBIAN:-../shared/tools/fresh-debian.sh}
[ -x "$FRESH" ] || { echo "The fresh Debian tool is not at $FRESH (set FRESH_DEBIAN)." >&2; exit 2; }
[ "${1:-}" = --no-build ] || ./dev.sh package
DEB=$(ls dist/xerohelper_*.deb 2>/dev/null | tail -n1)
[ -n "$DEB" ] || { echo "No .deb in dist/: run without --no-build." >&2; exit 2; }

# fresh-debian.sh copies a git repository into the chroot: make a small one holding the .deb and the script.
CARRY=$(mktemp -d)
trap 'rm -rf "$CARRY"' EXIT
cp "$DEB" packaging/linux/in_fresh_debian.sh "$CARRY/"
git -C "$CARRY" init -q -b main
git -C "$CARRY" add -A
git -C "$CARRY" -c user.name=smoke -c user.email=smoke@localhost commit -q -m "the .deb under test"
mkdir -p "$CARRY/out"
FRESH_OUT="$CARRY/out" FRESH_STOP_ON_FAIL=1 "$FRESH" "$CARRY" "SHOTS=${SHOTS:-0} bash in_fresh_debian.sh" \
  | tee "$CARRY/log.txt" || true
if [ "${SHOTS:-0}" = 1 ]; then
  cp "$CARRY"/out/*.png resources/screenshots/ 2>/dev/null && echo "screenshots: resources/screenshots/"
fi
grep -q "^SMOKE PASS" "$CARRY/log.txt"
