#!/bin/sh
# Sign, package and notarise the macOS app (run on a Mac, after packaging/build.py):
#   IDENTITY="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=charter \
#       sh packaging/macos/sign-and-notarise.sh
# NOTARY_PROFILE is stored once with:
#   xcrun notarytool store-credentials charter --apple-id ID --team-id TEAMID --password APP-PASSWORD
set -eu
cd "$(dirname "$0")/../.."
: "${IDENTITY:?set IDENTITY to a Developer ID Application certificate name}"
: "${NOTARY_PROFILE:?set NOTARY_PROFILE to a notarytool keychain profile}"
APP="dist/Charter Workshop.app"
VERSION=$(.venv/bin/python -c "from workshop.about import version; print(version())")
DMG="dist/charter-workshop-$VERSION-macos-$(uname -m).dmg"
ENTITLEMENTS=packaging/macos/entitlements.plist

# 1. Every Mach-O file inside, innermost first, then the app itself (no --deep: Apple
#    advises signing each piece), with the hardened runtime and a secure timestamp.
find "$APP/Contents" -type f | while IFS= read -r file; do
    if file -b "$file" | grep -q "Mach-O"; then
        codesign --force --options runtime --timestamp --entitlements "$ENTITLEMENTS" \
            --sign "$IDENTITY" "$file"
    fi
done
codesign --force --options runtime --timestamp --entitlements "$ENTITLEMENTS" \
    --sign "$IDENTITY" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

# 2. The disk image, signed too.
rm -f "$DMG"
hdiutil create -volname "Charter Workshop" -srcfolder "$APP" -ov -format UDZO "$DMG"
codesign --force --timestamp --sign "$IDENTITY" "$DMG"

# 3. Notarisation, then the ticket stapled to the image and the app.
xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple "$DMG"
xcrun stapler staple "$APP"
spctl --assess --type open --context context:primary-signature --verbose "$DMG"
spctl --assess --type execute --verbose "$APP"
echo "signed and notarised: $DMG"
