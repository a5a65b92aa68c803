#!/usr/bin/env bash
# Takes the README's screenshots of the main window, one per lab sample, under a virtual X display:
#   scripts/screenshots.sh            (needs xvfb-run; builds target/tunnellens.jar when missing)
# Each run opens one capture, applies an optional filter, selects a packet and a field, writes the window with
# JavaFX's Scene.snapshot (hidden --screenshot option) and exits. Times of day are shown in UTC (--utc).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
[ -f target/tunnellens.jar ] || mvn -q -B -DskipTests package
out=docs/screenshots
mkdir -p "$out"

shot() { # name capture [options...]
  local name=$1 capture=$2
  shift 2
  if [ ! -f "$capture" ]; then
    echo "skip $name: $capture not found" >&2
    return 0
  fi
  xvfb-run -a -s "-screen 0 1440x900x24" \
    "$JAVA_HOME/bin/java" -jar target/tunnellens.jar --utc --size 1440x900 --screenshot "$out/$name.png" "$@" "$capture" \
    2> >(grep -v -e WARNING -e 'com.sun.javafx.application.PlatformImpl startup' >&2)
}

shot opennebula-8472-kvm1-enp0s8   samples/opennebula-8472/kvm1-enp0s8.pcap --select 5 --field vxlan.vni
shot opennebula-8472-kvm1-enp0s8-mac samples/opennebula-8472/kvm1-enp0s8.pcap --select 1 --field arp.src.hw_mac
shot opennebula-8472-kvm2-vxlan_bridge samples/opennebula-8472/kvm2-vxlan_bridge.pcap --select 3 --field ip.src
shot openstack-4789-compute1-ens3  samples/openstack-4789/compute1-ens3.pcap --filter vxlan --select 5 --field vxlan.vni
shot openstack-4789-reassembled   samples/openstack-4789/compute1-ens3.pcap --select 32 --field vxlan.vni
shot openstack-4789-compute1-vxlan_sys_4789 samples/openstack-4789/compute1-vxlan_sys_4789.pcap --select 3 --field eth.src
shot keepalived-vrrp-director2-eth0 samples/keepalived-vrrp/director2-eth0.pcap --select 7 --field vrrp.prio
shot keepalived-vrrp-gratuitous-arp samples/keepalived-vrrp/director2-eth0.pcap --filter arp --select 8 --field arp.isgratuitous
shot lvs-nat-director-eth0         samples/lvs-nat/director-eth0.pcap --select 3 --field ip.dst
shot lvs-nat-director-eth1         samples/lvs-nat/director-eth1.pcap --select 1 --field ip.dst
shot lvs-nat-client-eth0           samples/lvs-nat/client-eth0.pcap --select 8 --field http.response.code
shot corpus-vxlan-4789             samples/corpus/vxlan-4789.pcap --select 1 --field vxlan.vni
shot corpus-vxlan-8472             samples/corpus/vxlan-8472.pcap --select 1 --field udp.dstport

# an error: the same capture cut short in its last packet, to show the notification and the kept packets
cut=$(mktemp -d)/director2-eth0-cut.pcap
src=samples/keepalived-vrrp/director2-eth0.pcap
if [ -f "$src" ]; then
  head -c $(( $(stat -c %s "$src") - 20 )) "$src" > "$cut"
  shot error-truncated-capture "$cut"
fi
