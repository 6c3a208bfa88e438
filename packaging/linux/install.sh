#!/bin/sh
# Install Charter Workshop from this folder (the unpacked .tar.gz) for the current user:
#   ./install.sh                      into ~/.local (no root needed)
#   ./install.sh --prefix /opt/cw     elsewhere (then add PREFIX/share to XDG_DATA_DIRS)
# Registers the menu entry (.desktop), the icons, the application/x-charter-workshop MIME
# type for *.charter, and makes the app the default for it. Every file written is listed in
# PREFIX/lib/charter-workshop/install-manifest.txt; uninstall.sh removes exactly those.
# Workshop files and settings are never touched (they live in ~/.local/share/charter-workshop
# and ~/.config/Charter Workshop).
set -eu

NAME=charter-workshop
MIME_TYPE=application/x-charter-workshop
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${HOME:?HOME is not set}/.local"

usage() {
    echo "usage: $0 [--prefix DIR]" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) usage ;;
    esac
done

case "$PREFIX" in
    /*) ;;
    *) echo "install.sh: the prefix must be an absolute path / le préfixe doit être un chemin absolu: $PREFIX" >&2; exit 2 ;;
esac
# The path goes into the .desktop file's Exec line: refuse what it would have to escape.
case "$PREFIX" in
    *[\"\`\$\\%\|\&]*|*"
"*) echo "install.sh: unsupported character in the prefix / caractère non pris en charge: $PREFIX" >&2; exit 2 ;;
esac

[ -x "$HERE/$NAME/$NAME" ] || { echo "install.sh: $HERE/$NAME/$NAME is missing: unpack the whole archive / archive incomplète" >&2; exit 1; }

LIB="$PREFIX/lib/$NAME"
BIN="$PREFIX/bin"
SHARE="$PREFIX/share"
APPS="$SHARE/applications"
MIME_DIR="$SHARE/mime"
ICONS="$SHARE/icons/hicolor"
MANIFEST="$LIB/install-manifest.txt"
RESOURCES="$HERE/$NAME/_internal/resources/icons"

if [ -f "$MANIFEST" ]; then  # a previous version: remove it cleanly first
    sh "$LIB/uninstall.sh" --prefix "$PREFIX" >/dev/null
elif [ -e "$LIB" ]; then
    echo "install.sh: $LIB exists and was not installed by this script: not replaced / existe déjà, non remplacé" >&2
    exit 1
fi

# Each directory we create and each file we write goes into the manifest (created dirs
# first, "d " lines; files, "f " lines), so uninstall leaves the tree as it found it.
MANIFEST_TMP=$(mktemp)
trap 'rm -f "$MANIFEST_TMP"' EXIT
make_dir() {
    missing=""
    dir=$1
    while [ ! -d "$dir" ]; do
        missing="$dir
$missing"
        dir=$(dirname "$dir")
    done
    mkdir -p "$1"
    printf '%s' "$missing" | while IFS= read -r created; do
        [ -n "$created" ] && printf 'd %s\n' "$created" >> "$MANIFEST_TMP"
    done
    return 0
}
put() {  # put SOURCE TARGET [MODE]
    make_dir "$(dirname "$2")"
    cp "$1" "$2"
    chmod "${3:-644}" "$2"
    printf 'f %s\n' "$2" >> "$MANIFEST_TMP"
}

# 1. The program (its folder as built), and a command on the PATH.
make_dir "$LIB"
cp -R "$HERE/$NAME/." "$LIB/"
printf 'f %s\n' "$LIB" >> "$MANIFEST_TMP"
make_dir "$BIN"
ln -sfn "$LIB/$NAME" "$BIN/$NAME"
printf 'f %s\n' "$BIN/$NAME" >> "$MANIFEST_TMP"

# 2. Icons: the app and its file type.
put "$RESOURCES/$NAME.svg" "$ICONS/scalable/apps/$NAME.svg"
put "$RESOURCES/$NAME-256.png" "$ICONS/256x256/apps/$NAME.png"
put "$RESOURCES/$NAME-512.png" "$ICONS/512x512/apps/$NAME.png"
put "$RESOURCES/$NAME.svg" "$ICONS/scalable/mimetypes/application-x-$NAME.svg"

# 3. The MIME type (shared-mime-info) and the menu entry.
put "$HERE/share/$NAME-mime.xml" "$MIME_DIR/packages/$NAME.xml"
make_dir "$APPS"
# Exec is a command line: the path quoted only when it must be (a space...), as xdg-open
# without a desktop environment does not understand quotes; TryExec is a plain path.
case "$LIB" in
    *[[:space:]\'\<\>\~\;\*\?\#\(\)]*) EXEC="\"$LIB/$NAME\"" ;;
    *) EXEC="$LIB/$NAME" ;;
esac
sed -e "s|@EXEC@|$EXEC|g" -e "s|@TRYEXEC@|$LIB/$NAME|g" \
    "$HERE/share/$NAME.desktop.in" > "$APPS/$NAME.desktop"
printf 'f %s\n' "$APPS/$NAME.desktop" >> "$MANIFEST_TMP"

if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$MIME_DIR"
else
    echo "install.sh: update-mime-database not found (package shared-mime-info): *.charter is not recognised until it runs" >&2
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$APPS" || true
fi
if [ -f "$ICONS/index.theme" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$ICONS" || true
fi

# 4. The default application for *.charter (the user's mimeapps.list).
CONFIG="${XDG_CONFIG_HOME:-$HOME/.config}"
if [ ! -e "$CONFIG/mimeapps.list" ]; then
    printf 'c %s\n' "$CONFIG/mimeapps.list" >> "$MANIFEST_TMP"  # ours: uninstall may remove it
fi
[ -d "$CONFIG" ] || make_dir "$CONFIG"
if command -v xdg-mime >/dev/null 2>&1; then
    XDG_DATA_DIRS="$SHARE:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
        xdg-mime default "$NAME.desktop" "$MIME_TYPE"
else
    echo "install.sh: xdg-mime not found (package xdg-utils): choose Charter Workshop in « Open with » once" >&2
fi
printf 'a %s %s\n' "$MIME_TYPE" "$NAME.desktop" >> "$MANIFEST_TMP"

cp "$HERE/uninstall.sh" "$LIB/uninstall.sh"
chmod 755 "$LIB/uninstall.sh"
cp "$MANIFEST_TMP" "$MANIFEST"

echo "Atelier Charte installé / Charter Workshop installed: $LIB"
echo "  commande / command: $BIN/$NAME   (désinstaller / uninstall: $LIB/uninstall.sh)"

# Qt's X11 plugin needs a few system libraries; say which ones are missing, if any.
QXCB="$LIB/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"
if [ -f "$QXCB" ] && command -v ldd >/dev/null 2>&1; then
    missing=$(LD_LIBRARY_PATH="$LIB/_internal:$LIB/_internal/PySide6/Qt/lib" ldd "$QXCB" 2>/dev/null | awk '/not found/ {print $1}' | tr '\n' ' ')
    if [ -n "$missing" ]; then
        echo "Attention / Warning: missing system libraries for the display: $missing" >&2
        echo "  Debian/Ubuntu: sudo apt-get install libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxcb-render-util0 libxcb-image0" >&2
    fi
fi
case ":${XDG_DATA_DIRS:-/usr/local/share:/usr/share}:$HOME/.local/share:" in
    *":$SHARE:"*|*":$SHARE/:"*) ;;
    *) echo "Note: add $SHARE to XDG_DATA_DIRS for the menu entry and the file type to be seen." ;;
esac
