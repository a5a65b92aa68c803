#!/usr/bin/env bash
# Takes docs/correlation.md's screenshots of the correlation window under a virtual X display:
#   scripts/correlation-screenshots.sh      (needs xvfb-run; builds target/tunnellens.jar when missing)
# Each run pairs two lab captures, loads the topology texts, selects a packet, writes the window and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
[ -f target/tunnellens.jar ] || mvn -q -B -DskipTests package
out=docs/screenshots
mkdir -p "$out"

shot() { # name outer inner [options...]
  local name=$1
  shift
  xvfb-run -a -s "-screen 0 1440x900x24" \
    "$JAVA_HOME/bin/java" -cp target/tunnellens.jar org.tunnellens.ui.correlation.CorrelationScreenshots \
    --size 1440x900 --screenshot "$out/$name.png" "$@" \
    2> >(grep -v -e WARNING -e 'com.sun.javafx.application.PlatformImpl startup' >&2)
}

on=samples/opennebula-8472
os=samples/openstack-4789
shot correlation-opennebula-8472 $on/kvm2-enp0s8.pcap $on/kvm2-vxlan_bridge.pcap --select-inner 5 \
  --topology $on/onevnet-show.txt --topology $on/kvm2-ip-d-link-show-vxlan.txt
shot correlation-opennebula-8472-local $on/kvm2-enp0s8.pcap $on/kvm2-vxlan_bridge.pcap --show local --select-inner 29
shot correlation-openstack-4789 $os/compute1-ens3.pcap $os/compute1-vxlan_sys_4789.pcap --select-outer 7 \
  --topology $os/openstack-network-show.txt --topology $os/ovs-ofctl-dump-flows-br-tun.txt \
  --topology $os/compute1-ip-d-link-show-vxlan_sys_4789.txt
# the first piece of the oversize ping's outer datagram: frame 32 reassembles it and pairs with inner frame 29
shot correlation-openstack-4789-fragment $os/compute1-ens3.pcap $os/compute1-vxlan_sys_4789.pcap --select-outer 31 \
  --topology $os/openstack-network-show.txt
# a topology that disagrees with the wire: the same network with segmentation ID 1010
wrong=$(mktemp -d)/openstack-network-show-1010.txt
sed 's/| 320  /| 1010 /' $os/openstack-network-show.txt > "$wrong"
shot correlation-openstack-4789-mismatch $os/compute1-ens3.pcap $os/compute1-vxlan_sys_4789.pcap --select-outer 7 \
  --topology "$wrong" --vni 1010
