#!/usr/bin/env bash
# macOS: sign dist/xerohelper.app (when a Developer ID is given), put it in a .dmg, notarise and staple it
# (when Apple credentials are given). Runs on a macOS runner after PyInstaller (.github/workflows/package.yml).
#
#   packaging/macos/make_dmg.sh VERSION          -> dist/xerohelper-VERSION-macos-$(uname -m).dmg
#
# Signing and notarisation are skipped, with a note, when their secrets are absent (forks, pull requests):
#   MACOS_SIGNING_IDENTITY   "Developer ID Application: ..." (the certificate already in the keychain)
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for `xcrun notarytool`
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${1:?usage: make_dmg.sh VERSION}
APP=dist/xerohelper.app
DMG="dist/xerohelper-$VERSION-macos-$(uname -m).dmg"
[ -d "$APP" ] || { echo "no $APP: run PyInstaller first" >&2; exit 1; }

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist --sign "$MACOS_SIGNING_IDENTITY" "$APP"
  codesign --verify --deep --strict "$APP"
else
  echo "note: MACOS_SIGNING_IDENTITY not set: the app is not signed (Gatekeeper will warn)"
fi

STAGE=$(mktemp -d)
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
for attempt in 1 2 3; do # hdiutil sometimes fails with "Resource busy"
  hdiutil create -volname "xerohelper $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG" && break
  sleep 5
done
rm -rf "$STAGE"
[ -f "$DMG" ] || { echo "hdiutil could not make $DMG" >&2; exit 1; }

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$DMG"
fi
if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ] \
  && [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$DMG"
else
  echo "note: Apple notarisation credentials not set: the .dmg is not notarised"
fi
echo "$DMG"
