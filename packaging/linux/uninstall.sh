#!/bin/sh
# Remove what install.sh wrote, and only that (its install-manifest.txt):
#   uninstall.sh                      from ~/.local
#   uninstall.sh --prefix /opt/cw     from another prefix
# Workshop files (~/.local/share/charter-workshop) and settings are kept.
set -eu

NAME=charter-workshop
PREFIX="${HOME:?HOME is not set}/.local"
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "usage: $0 [--prefix DIR]" >&2; exit 2; }; PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "usage: $0 [--prefix DIR]" >&2; exit 2 ;;
    esac
done

LIB="$PREFIX/lib/$NAME"
SHARE="$PREFIX/share"
MANIFEST="$LIB/install-manifest.txt"
if [ ! -f "$MANIFEST" ]; then
    echo "uninstall.sh: no installation in $PREFIX (no $MANIFEST) / aucune installation" >&2
    exit 1
fi
ENTRIES=$(cat "$MANIFEST")  # read before the folder that holds it goes

# Only paths under the prefix or the user's config file are ever removed.
inside() {
    case "$1" in
        "$PREFIX"/*|"${XDG_CONFIG_HOME:-$HOME/.config}"/mimeapps.list) return 0 ;;
        *) echo "uninstall.sh: skipped, outside the installation: $1" >&2; return 1 ;;
    esac
}

# 1. The default-application line for *.charter in mimeapps.list.
CONFIG_LIST="${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list"
printf '%s\n' "$ENTRIES" | while read -r kind mime desktop; do
    [ "$kind" = a ] || continue
    if [ -f "$CONFIG_LIST" ]; then
        tmp=$(mktemp)
        grep -v -x -F -e "$mime=$desktop" -e "$mime=$desktop;" "$CONFIG_LIST" > "$tmp" || true
        cat "$tmp" > "$CONFIG_LIST"
        rm -f "$tmp"
    fi
done
# A mimeapps.list install.sh created and that holds nothing else now goes too.
printf '%s\n' "$ENTRIES" | while read -r kind path; do
    [ "$kind" = c ] || continue
    if [ -f "$path" ] && ! grep -q -v -E '^[[:space:]]*(\[.*\])?[[:space:]]*$' "$path"; then
        rm -f "$path"
    fi
done

# 2. Files and the program's folder.
printf '%s\n' "$ENTRIES" | while read -r kind path; do
    [ "$kind" = f ] || continue
    inside "$path" || continue
    if [ -d "$path" ] && [ ! -L "$path" ]; then
        rm -rf "$path"
    else
        rm -f "$path"
    fi
done

# 3. The caches rebuilt without our entries.
if [ -d "$SHARE/mime" ] && command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$SHARE/mime"
fi
if [ -d "$SHARE/applications" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$SHARE/applications" || true
fi
if [ -f "$SHARE/icons/hicolor/index.theme" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
fi

# 4. Folders install.sh created, deepest first, when nothing of anyone else's is left in them
#    (a mime/ folder then holds only the caches update-mime-database generates).
printf '%s\n' "$ENTRIES" | awk '$1 == "d" { sub(/^d /, ""); print }' | sort -r | while IFS= read -r dir; do
    [ -d "$dir" ] || continue  # only folders install.sh created, and only when empty
    if [ "$dir" = "$SHARE/mime" ]; then
        if [ -z "$(ls -A "$dir/packages" 2>/dev/null)" ]; then
            rm -rf "$dir"
        fi
        continue
    fi
    if [ "$dir" = "$SHARE/applications" ] && [ "$(ls -A "$dir")" = mimeinfo.cache ]; then
        rm -f "$dir/mimeinfo.cache"
    fi
    rmdir "$dir" 2>/dev/null || true
done

echo "Atelier Charte désinstallé / Charter Workshop uninstalled from $PREFIX"
echo "  (ateliers conservés / workshops kept: ${XDG_DATA_HOME:-$HOME/.local/share}/$NAME)"
