#!/usr/bin/env bash
# Runs inside a fresh, minimal Debian 12 (smoke_check.sh puts it there with xerohelper_*.deb beside it):
# install the .deb, run the installed `xerohelper --demo --self-test` offscreen (no X, no D-Bus, no password
# store, a fresh HOME), check it printed "ok": true and left nothing running, remove the package and check
# that nothing of it is left outside the user's own data. Prints PASS or what failed; exit 0/1.
# With SHOTS=1 it also takes the README's screenshots into /out (the menu entry, the first window).
set -euo pipefail
cd "$(dirname "$0")"
DEB=$(ls xerohelper_*.deb)
fail() { echo "SMOKE FAIL: $*"; exit 1; }
say() { echo "== $*"; }

# Everything but what the package manager itself and the user keep (its lists, logs, caches, homes, /tmp;
# /var/lib/xkb: the keymaps an X server compiles when it starts, for the screenshots).
snapshot() {
  find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run -o -path /tmp -o -path /root \
    -o -path /home -o -path /src -o -path /out -o -path /var/lib/dpkg -o -path /var/lib/apt \
    -o -path /var/cache -o -path /var/log -o -path /var/tmp -o -path /var/lib/xkb \) -prune -o -print | sort
}

say "the system libraries the package depends on (first of each choice), from Debian"
DEPENDS=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep -v '^$' | tr '\n' ' ')
apt-get install -y -q --no-install-recommends $DEPENDS >/tmp/apt.log 2>&1 || { tail -20 /tmp/apt.log; fail "apt-get"; }
if [ "${SHOTS:-0}" = 1 ]; then # the screenshot tools, before the "before" picture of the file system
  apt-get install -y -q --no-install-recommends xvfb x11-apps rofi hicolor-icon-theme >>/tmp/apt.log 2>&1 || fail "apt-get (shots)"
fi
snapshot >/tmp/before.txt

say "installing $DEB"
dpkg -i "$DEB" >/tmp/dpkg.log 2>&1 || { cat /tmp/dpkg.log; fail "dpkg -i"; }
command -v xerohelper >/dev/null || fail "xerohelper is not on PATH"
[ -f /usr/share/applications/xerohelper.desktop ] || fail "no menu entry"
[ -f /usr/share/icons/hicolor/48x48/apps/xerohelper.png ] || fail "no icon"
echo "installed: $(xerohelper --version), $(du -sh /opt/xerohelper | cut -f1) in /opt/xerohelper"

say "the self-test, offscreen, in a fresh HOME, no D-Bus, no password store"
HOME_DIR=$(mktemp -d)
OUT=$(env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$HOME_DIR" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  xerohelper --demo --self-test) || fail "the self-test exited with $? and said: $OUT"
echo "$OUT"
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ] || fail "more than one line"
printf '%s' "$OUT" | grep -q '"ok": true' || fail "not ok"
for p in /proc/[0-9]*; do
  [ "${p#/proc/}" = "$$" ] && continue
  if tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -q '/opt/xerohelper'; then
    fail "still running: $(tr '\0' ' ' <"$p/cmdline")"
  fi
done
echo "nothing of xerohelper is still running; the fresh HOME holds: $(cd "$HOME_DIR" && find . -mindepth 1 | head -5 | tr '\n' ' ')"

if [ "${SHOTS:-0}" = 1 ]; then
  say "screenshots (Xvfb, no desktop: rofi's application launcher lists the installed menu entries)"
  mkdir -p /out
  SHOT_SIZE=760x240x24 /opt/fresh-tools/shot.sh /out/menu-entry.png 4 \
    rofi -show drun -show-icons -drun-show-actions -drun-display-format '{name} — {generic}' -filter xero \
    -theme-str 'window { width: 720px; } listview { lines: 3; } element-icon { size: 32px; } element { padding: 6px; }' || true
  SHOT_SIZE=1100x720x24 /opt/fresh-tools/shot.sh /out/installed-first-window.png 8 \
    env HOME="$(mktemp -d)" xerohelper || true
fi

say "removing the package"
dpkg --purge xerohelper >>/tmp/dpkg.log 2>&1 || { cat /tmp/dpkg.log; fail "dpkg --purge"; }
snapshot >/tmp/after.txt
if ! diff /tmp/before.txt /tmp/after.txt >/tmp/left.txt; then
  cat /tmp/left.txt
  fail "files changed outside the user's data after removing the package"
fi
echo "nothing of it is left outside the user's own data"
echo "SMOKE PASS"
