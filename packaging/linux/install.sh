#!/usr/bin/env bash
# Install the bundle built by packaging/build.sh, with its menu entry, icon and metainfo:
#     packaging/linux/install.sh [PREFIX]          (default PREFIX: ~/.local)
# It only copies files; the record file is never touched. Every path it writes is printed,
# so removing the app again is deleting those.
set -euo pipefail

PACKAGING_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE_DIR="$(dirname "$PACKAGING_DIR")/dist/netjourney"
APP_ID="io.github.netjourney.NETJourney"
PREFIX="${1:-$HOME/.local}"
APP_DIR="$PREFIX/lib/netjourney"
SHARE="$PREFIX/share"

if [[ ! -x "$BUNDLE_DIR/netjourney" ]]; then
    echo "install: there is no bundle in $BUNDLE_DIR; build it first with packaging/build.sh" >&2
    exit 1
fi

mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" \
    "$SHARE/icons/hicolor/scalable/apps"
# Copy beside the old version first, so a failed copy leaves the installed app working.
rm -rf "$APP_DIR.new"
cp -a "$BUNDLE_DIR" "$APP_DIR.new"
rm -rf "$APP_DIR"
mv "$APP_DIR.new" "$APP_DIR"
ln -sfn "$APP_DIR/netjourney" "$PREFIX/bin/netjourney"
# Menus do not always search ~/.local/bin: point the entry at the installed program.
sed "s|^Exec=netjourney$|Exec=\"$PREFIX/bin/netjourney\"|" \
    "$PACKAGING_DIR/linux/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$PACKAGING_DIR/linux/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp -r "$PACKAGING_DIR/icons/hicolor" "$SHARE/icons/"
cp "$PACKAGING_DIR/icons/$APP_ID.svg" "$SHARE/icons/hicolor/scalable/apps/"
if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$SHARE/applications" || true  # only speeds up menus
fi

echo "install: installed NET Journey:"
printf '  %s\n' "$APP_DIR/" "$PREFIX/bin/netjourney" "$SHARE/applications/$APP_ID.desktop" \
    "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/icons/hicolor/*/apps/$APP_ID.*"
