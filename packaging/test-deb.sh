#!/usr/bin/env bash
# Installs the built .deb on this machine (as a user would, with apt resolving its dependencies), runs the
# installed `tunnellens` command on a bundled sample, starts the GUI under Xvfb and takes a screenshot, then
# removes the package. Usage: packaging/test-deb.sh [DEB] ; writes target/package/installed-gui.png
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
deb="${1:-$(ls "$root"/target/package/tunnellens_*_amd64.deb | head -1)}"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "$deb" xvfb xauth imagemagick >/dev/null
trap 'apt-get remove -y -qq tunnellens >/dev/null 2>&1 || true' EXIT

test -x /usr/bin/tunnellens
test -f /opt/tunnellens/lib/tunnellens-tunnellens.desktop
sample=/opt/tunnellens/lib/app/samples/corpus/vxlan-8472.pcap
out="$(tunnellens packets -r "$sample" -T fields -e frame.number -e udp.dstport -e vxlan.vni -c 1)"
echo "installed CLI: $out"
[ "$out" = "$(printf '1\t8472\t100')" ] || { echo "unexpected CLI output: $out" >&2; exit 1; }
if tunnellens info -h >/dev/null 2>&1; then tunnellens info -r "$sample"; fi

shot="$root/target/package/installed-gui.png"
rm -f "$shot"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
  tunnellens '$sample' >/tmp/tunnellens-gui.log 2>&1 &
  pid=\$!
  for i in \$(seq 1 40); do sleep 0.5; kill -0 \$pid 2>/dev/null || break; done
  sleep 6
  import -window root '$shot'
  kill \$pid 2>/dev/null || true
"
test -s "$shot"
echo "installed GUI screenshot: $shot"

trap - EXIT
apt-get remove -y -qq tunnellens >/dev/null
! test -e /usr/bin/tunnellens
echo "removed cleanly"
