#!/bin/sh
# Install coapp for this user, without root: the app into ~/.local/lib/coapp, the `coapp` command
# into ~/.local/bin, the menu entry, icons and AppStream data into ~/.local/share.
#
#   ./install.sh              install (or update) from this folder
#   ./install.sh --uninstall  remove what install.sh put there
#   PREFIX=/some/where ./install.sh   another prefix than ~/.local
#
# Your data (time, invoices, contracts, settings) lives in ~/.local/share/coapp and is never touched
# by either: delete that folder yourself if you want it gone.
set -eu

app_id=se.coapp.Coapp
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
lib="$prefix/lib/coapp"
share="$prefix/share"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$lib"
  rm -f "$prefix/bin/coapp" "$share/applications/$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml"
  rm -f "$share"/icons/hicolor/*/apps/"$app_id".png
  refresh
  echo "coapp is uninstalled; your data in ${XDG_DATA_HOME:-$HOME/.local/share}/coapp is still there."
  exit 0
fi

if [ ! -x "$here/coapp/coapp" ]; then
  echo "install.sh: run it from the unpacked coapp folder (coapp/coapp is missing)" >&2
  exit 2
fi

mkdir -p "$prefix/lib" "$prefix/bin" "$share/applications" "$share/metainfo"
# A new copy beside the old one, then swapped: a failed copy leaves the installed app as it was.
rm -rf "$lib.new"
cp -R "$here/coapp" "$lib.new"
rm -rf "$lib"
mv "$lib.new" "$lib"
ln -sf "$lib/coapp" "$prefix/bin/coapp"
# The menu may not search ~/.local/bin: the entry names the program by its full path.
sed "s|^Exec=coapp|Exec=$lib/coapp|" "$here/$app_id.desktop" >"$share/applications/$app_id.desktop"
cp "$here/$app_id.metainfo.xml" "$share/metainfo/"
for png in "$here"/icons/hicolor/*/apps/"$app_id".png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  mkdir -p "$share/icons/hicolor/$size/apps"
  cp "$png" "$share/icons/hicolor/$size/apps/"
done
refresh
echo "coapp is installed: start it from the menu, or run $prefix/bin/coapp"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "(add $prefix/bin to PATH to run \`coapp\` by name)" ;;
esac
