#!/usr/bin/env bash
# Builds the installable TunnelLens: a jpackage app image (target/package/image/tunnellens) and a .deb
# (target/package/tunnellens_VERSION_amd64.deb) that installs /opt/tunnellens, a desktop entry and a
# `tunnellens` command on the PATH (GUI with no arguments, CLI with a sub-command).
# Needs: JDK 25 (jpackage), Maven, and for the .deb: fakeroot and binutils (apt-get install fakeroot binutils).
# Usage: packaging/build.sh [--image-only]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/java-home.sh"
cd "$root"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)"
out="$root/target/package"
rm -rf "$out"
mkdir -p "$out/input"

[ -f target/tunnellens.jar ] || mvn -q -B -ntp -DskipTests package
cp target/tunnellens.jar "$out/input/"
# the bundled samples go with the app: with no arguments it opens them
mkdir -p "$out/input/samples"
cp -r samples/. "$out/input/samples/"
rm -rf "$out/input/samples/lab"

# jdeps finds these for our code and libraries; java.desktop/java.xml/java.logging are what JavaFX and logback
# load reflectively, which jdeps cannot see
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs"
common=(--name tunnellens --app-version "$version" --vendor "TunnelLens"
  --description "See VXLAN, VRRP and LVS-NAT in your own captures"
  --input "$out/input" --main-jar tunnellens.jar --main-class org.tunnellens.Main
  --add-modules "$modules" --jlink-options "--strip-debug --no-header-files --no-man-pages"
  --java-options "--enable-native-access=ALL-UNNAMED"
  --icon "$root/packaging/tunnellens.png")

jpackage --type app-image --dest "$out/image" "${common[@]}"
echo "app image: $out/image/tunnellens ($(du -sh "$out/image/tunnellens" | cut -f1))"
[ "${1:-}" = "--image-only" ] && exit 0

# JavaFX's native libraries need GTK 3, GL, Xtst, Xxf86vm and fontconfig, which jpackage's dependency scan misses
jpackage --type deb --dest "$out/deb" "${common[@]}" \
  --linux-package-name tunnellens --linux-deb-maintainer "TunnelLens developers <tunnellens@users.noreply.invalid>" --linux-app-category Network --linux-shortcut \
  --linux-menu-group "Network;Education" \
  --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1, libxtst6, libfontconfig1, libpcap0.8"

deb="$(ls "$out/deb"/*.deb)"

# jpackage installs under /opt; add the `tunnellens` command to /usr/bin
work="$out/deb-work"
rm -rf "$work"
dpkg-deb -R "$deb" "$work"
mkdir -p "$work/usr/bin" "$work/usr/share/applications"
ln -s /opt/tunnellens/bin/tunnellens "$work/usr/bin/tunnellens"
# ship the desktop entry where every desktop looks for it, and let the maintainer scripts' xdg-desktop-menu
# calls fail softly: on a minimal system (no menu directory yet) they exit 3 and would abort the install
cp "$work/opt/tunnellens/lib/tunnellens-tunnellens.desktop" "$work/usr/share/applications/tunnellens.desktop"
for s in postinst prerm; do
  sed -i '/^[^#]*xdg-desktop-menu /s/$/ || true/' "$work/DEBIAN/$s"
done
fakeroot dpkg-deb -Zxz -b "$work" "$out/tunnellens_${version}_amd64.deb" >/dev/null
rm -rf "$work" "$out/deb"
echo "deb: $out/tunnellens_${version}_amd64.deb ($(du -h "$out/tunnellens_${version}_amd64.deb" | cut -f1))"
