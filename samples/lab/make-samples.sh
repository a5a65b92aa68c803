#!/usr/bin/env bash
# make-samples.sh - rebuild the TunnelLens lab captures (samples/) for real.
#
# Every topology is built from network namespaces this script creates (all
# named tl-*), veth pairs, Linux bridges, Linux vxlan devices, nftables and
# keepalived.  tcpdump captures on the interfaces a student would capture on,
# and a truth.json per scenario is written by labtool.py from what the script
# did (counts, times) and what the daemons/servers logged.  Nothing is sent
# outside the namespaces: the root namespace is never given an address or a
# link into them, and every address used lives on a veth inside a tl-* netns.
#
# Usage: sudo samples/lab/make-samples.sh [--variant a|b] [--out DIR] [--only LIST] [--keep-work]
#   --variant a   default set  -> samples/<scenario>/
#   --variant b   second set (other VNIs, addresses, counts, timings)
#                               -> samples/variant-b/<scenario>/
#   --only        comma list of: opennebula,openstack,vrrp,lvs,splitbrain,lvsdirect
#
# Needs root, iproute2, tcpdump, nftables, keepalived, Debian python3, and
# kernel vxlan + bridge + veth + nf_nat.  No IPVS needed (DNAT emulates LVS-NAT).
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SAMPLES_DIR=$(dirname "$LAB_DIR")
TOOL="$LAB_DIR/labtool.py"
PY=/usr/bin/python3
VARIANT=a
OUT=""
ONLY="opennebula,openstack,vrrp,lvs,splitbrain,lvsdirect"
KEEP_WORK=0

while [ $# -gt 0 ]; do
  case "$1" in
    --variant) VARIANT=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --keep-work) KEEP_WORK=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$VARIANT" in a|b) ;; *) echo "--variant must be a or b" >&2; exit 2 ;; esac
if [ -z "$OUT" ]; then
  if [ "$VARIANT" = a ]; then OUT="$SAMPLES_DIR"; else OUT="$SAMPLES_DIR/variant-$VARIANT"; fi
fi

[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
for c in ip tcpdump nft keepalived sysctl "$PY"; do
  command -v "$c" >/dev/null || { echo "missing command: $c" >&2; exit 1; }
done

NSP=tl-                      # prefix of every namespace we create
WORK=$(mktemp -d /tmp/tunnellens-lab.XXXXXX)
CAP_PIDS=()                  # running tcpdumps (pid:file)
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
tnow() { date +%s.%N | cut -c1-17; }

# ------------------------------------------------------------------ cleanup
# Kill what runs inside our namespaces (only processes we started live
# there), then delete the namespaces; veths and bridges die with them.
delete_our_namespaces() {
  local ns pids
  for ns in $(ip netns list | awk '{print $1}' | grep "^${NSP}" || true); do
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    [ -n "$pids" ] && kill $pids 2>/dev/null || true
  done
  sleep 0.3
  for ns in $(ip netns list | awk '{print $1}' | grep "^${NSP}" || true); do
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
    ip netns delete "$ns" 2>/dev/null || true
  done
}
cleanup() {
  local rc=$?
  set +e
  caps_stop >/dev/null 2>&1
  delete_our_namespaces
  if [ "$rc" -ne 0 ] || [ "$KEEP_WORK" = 1 ]; then
    log "work directory kept for inspection: $WORK (exit $rc)"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ----------------------------------------------------------------- helpers
# mkns NAME: a namespace with lo up, no IPv6 (no MLD/RS/ND noise in the
# captures), and neighbour timers long enough that no ARP re-probe happens
# during a run (entries stay REACHABLE / DELAY instead of being re-probed).
mkns() {
  ip netns add "$1"
  ip -n "$1" link set lo up
  nsysctl "$1" net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
}
nsysctl() { local ns=$1; shift; ip netns exec "$ns" sysctl -qw "$@" >/dev/null; }
nx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# finish_ns NAME: run after all links exist in NAME.
finish_ns() {
  local ns=$1 ifc
  nsysctl "$ns" net.ipv6.conf.all.disable_ipv6=1
  for ifc in $(ip -n "$ns" -o link show | awk -F': ' '{print $2}' | cut -d@ -f1); do
    [ "$ifc" = lo ] && continue
    nsysctl "$ns" "net.ipv6.conf.$ifc.disable_ipv6=1" 2>/dev/null || true
    nsysctl "$ns" "net.ipv4.neigh.$ifc.base_reachable_time_ms=900000" \
                  "net.ipv4.neigh.$ifc.delay_first_probe_time=900" 2>/dev/null || true
  done
}

# mac_of_ip IP -> OpenNebula style 02:00:<ip bytes>
mac_of_ip() { local IFS=.; set -- $1; printf '02:00:%02x:%02x:%02x:%02x' "$1" "$2" "$3" "$4"; }

# ev NAME 'json fragment' : timestamped script event into events.jsonl
ev() { printf '{"t": %s, "event": "%s"%s}\n' "$(tnow)" "$1" "${2:+, $2}" >> "$SC_WORK/events.jsonl"; }

# cap_start NS IFACE FILE : tcpdump that loses nothing when stopped.
cap_start() {
  local ns=$1 ifc=$2 file=$3 err="$SC_WORK/tcpdump-$(basename "$3").err" i
  ip netns exec "$ns" tcpdump -i "$ifc" -nn -s 0 --immediate-mode -U -Z root -w "$SC_WORK/$file" 2>"$err" &
  CAP_PIDS+=("$!:$file")
  for i in $(seq 1 50); do grep -q "listening on" "$err" 2>/dev/null && return 0; sleep 0.1; done
  log "tcpdump on $ns/$ifc did not start:"; cat "$err" >&2; return 1
}
# caps_stop: SIGINT every capture, wait (bounded), record tcpdump's own stats.
caps_stop() {
  local e pid file i stats="{"
  # time-stamp the moment before the SIGINTs: anything logged before it is in the files
  if [ -n "${SC_WORK:-}" ] && [ "${#CAP_PIDS[@]}" -gt 0 ]; then ev capture_stopping; fi
  for e in "${CAP_PIDS[@]}"; do kill -INT "${e%%:*}" 2>/dev/null || true; done
  for e in "${CAP_PIDS[@]}"; do
    pid=${e%%:*}; file=${e#*:}
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local err="$SC_WORK/tcpdump-$file.err" c r d
    c=$(sed -n 's/^\([0-9]*\) packets captured.*/\1/p' "$err" 2>/dev/null | tail -1)
    r=$(sed -n 's/^\([0-9]*\) packets received by filter.*/\1/p' "$err" 2>/dev/null | tail -1)
    d=$(sed -n 's/^\([0-9]*\) packets dropped by kernel.*/\1/p' "$err" 2>/dev/null | tail -1)
    stats+="\"$file\": {\"captured\": ${c:-null}, \"received_by_filter\": ${r:-null}, \"dropped_by_kernel\": ${d:-null}},"
  done
  CAP_PIDS=()
  [ -n "${SC_WORK:-}" ] && [ -d "${SC_WORK:-/nonexistent}" ] && echo "${stats%,}}" > "$SC_WORK/capture-stats.json"
  return 0
}

# begin_scenario NAME : fresh work dir for one scenario
begin_scenario() {
  SC=$1
  SC_WORK="$WORK/$SC"
  mkdir -p "$SC_WORK"
  : > "$SC_WORK/events.jsonl"
  log "=== scenario $SC (variant $VARIANT) ==="
}
# finish_scenario : truth.json + copy captures/texts into OUT/<scenario>
finish_scenario() {
  local dest="$OUT/$SC" f
  "$PY" "$TOOL" truth --work "$SC_WORK" --out "$SC_WORK/truth.json"
  rm -rf "$dest"; mkdir -p "$dest"
  cp "$SC_WORK"/*.pcap "$SC_WORK/truth.json" "$dest/"
  for f in "$SC_WORK"/*.txt; do
    [ -e "$f" ] || continue
    case "$(basename "$f")" in neigh-*) ;; *) cp "$f" "$dest/" ;; esac
  done
  cp "$SC_WORK"/*.conf "$SC_WORK"/*.log "$dest/" 2>/dev/null || true
  for f in "$dest"/*.pcap; do
    local sz; sz=$(stat -c %s "$f")
    [ "$sz" -lt 1000000 ] || { log "capture too big: $f ($sz bytes)"; return 1; }
  done
  delete_our_namespaces
  log "scenario $SC written to $dest"
}

# wait_for FILE REGEX SECONDS : bounded wait for a log line
wait_for() {
  local i n; n=$(awk "BEGIN{print int($3*10)}")
  for i in $(seq 1 "$n"); do grep -Eq "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  log "timeout waiting for /$2/ in $1"; return 1
}

# wait_count FILE REGEX N SECONDS : bounded wait for the N-th matching line
wait_count() {
  local i n c; n=$(awk "BEGIN{print int($4*10)}")
  for i in $(seq 1 "$n"); do
    c=$(grep -Ec "$2" "$1" 2>/dev/null || true)
    [ "${c:-0}" -ge "$3" ] && return 0; sleep 0.1
  done
  log "timeout waiting for $3 x /$2/ in $1"; return 1
}

# ================================================================== params
if [ "$VARIANT" = a ]; then
  # 1 OpenNebula
  ON_VNI=100; ON_UL1=192.168.56.101; ON_UL2=192.168.56.102; ON_PFX=24
  ON_BR1=192.168.100.101; ON_BR2=192.168.100.102; ON_VM1=192.168.100.10; ON_VM2=192.168.100.11
  ON_VMID1=1; ON_VMID2=2; ON_VNET_ID=0
  ON_P12=5; ON_P21=3; ON_PH=4; ON_TCP=1; ON_INT=0.2
  # 2 OpenStack
  OS_VNI=320; OS_UL1=192.168.122.11; OS_UL2=192.168.122.12
  OS_VM1=10.0.0.5; OS_VM2=10.0.0.12; OS_MAC1=fa:16:3e:1c:2d:3e; OS_MAC2=fa:16:3e:5a:6b:7c
  OS_TAP1=tap3f2a9c1b-7d; OS_TAP2=tap81c0e5d2-4a
  OS_P12=4; OS_P21=4; OS_TCP=1; OS_INT=0.2; OS_BIG=1472
  # 3 VRRP
  VR_ID1=51; VR_ID2=52; VR_P1=150; VR_P2=100; VR_PASS=123
  VR_NET1=192.168.200; VR_NET2=192.168.201; VR_VIP1=192.168.200.16; VR_VIP2=192.168.201.16
  VR_STEADY=4; VR_DOWN=9; VR_AFTER=8
  # 4 LVS
  LV_FRONT=10.20.0; LV_BACK=172.20.0; LV_VIP=10.20.0.100; LV_PORT=80
  LV_N=24; LV_INT=0.5; LV_STOP1=4.2; LV_STOP2=8.2; LV_DELAY=2; LV_CTO=1
  # 5 split brain
  SB_STEADY=3; SB_SPLIT=7; SB_HEAL=4
  # 6 direct reply
  LD_N=4; LD_INT=0.6
else
  ON_VNI=2001; ON_UL1=10.1.8.21; ON_UL2=10.1.8.22; ON_PFX=24
  ON_BR1=172.16.40.1; ON_BR2=172.16.40.2; ON_VM1=172.16.40.20; ON_VM2=172.16.40.21
  ON_VMID1=17; ON_VMID2=18; ON_VNET_ID=4
  ON_P12=7; ON_P21=2; ON_PH=3; ON_TCP=2; ON_INT=0.3
  OS_VNI=1050; OS_UL1=10.66.0.21; OS_UL2=10.66.0.22
  OS_VM1=10.0.0.23; OS_VM2=10.0.0.37; OS_MAC1=fa:16:3e:a0:b1:c2; OS_MAC2=fa:16:3e:d3:e4:f5
  OS_TAP1=tap6b1f0a2c-91; OS_TAP2=tapc4d2e7f8-05
  OS_P12=6; OS_P21=3; OS_TCP=2; OS_INT=0.25; OS_BIG=1460
  VR_ID1=61; VR_ID2=62; VR_P1=200; VR_P2=110; VR_PASS=s3cret
  VR_NET1=10.30.0; VR_NET2=10.31.0; VR_VIP1=10.30.0.100; VR_VIP2=10.31.0.1
  VR_STEADY=5; VR_DOWN=10; VR_AFTER=9
  LV_FRONT=198.18.0; LV_BACK=10.40.1; LV_VIP=198.18.0.80; LV_PORT=8080
  LV_N=30; LV_INT=0.4; LV_STOP1=5.0; LV_STOP2=9.0; LV_DELAY=1.5; LV_CTO=1
  SB_STEADY=4; SB_SPLIT=8; SB_HEAL=5
  LD_N=6; LD_INT=0.5
fi

# ======================================================= 1: OpenNebula 8472
# kvm1/kvm2 hypervisors joined by one underlay link named enp0s8 on both
# ends; on each a Linux vxlan (OpenNebula names it <PHYDEV>.<VLAN_ID>,
# multicast group 239.0.0.0+VNI, dstport 8472 as set in OpenNebula's
# vxlan driver config) enslaved to vxlan_bridge, plus a VM namespace plugged
# with a one-<vmid>-0 tap (a veth here).
scenario_opennebula() {
  begin_scenario opennebula-8472
  local VX="enp0s8.$ON_VNI" G MAC1 MAC2 k vm ip br vmid mac tap h
  G=$(printf '239.0.%d.%d' $((ON_VNI / 256)) $((ON_VNI % 256)))
  MAC1=$(mac_of_ip "$ON_VM1"); MAC2=$(mac_of_ip "$ON_VM2")
  for h in kvm1 kvm2 vm1 vm2; do mkns "${NSP}on-$h"; done
  ip -n ${NSP}on-kvm1 link add enp0s8 address 08:00:27:3a:11:01 type veth \
     peer name enp0s8 address 08:00:27:3a:11:02 netns ${NSP}on-kvm2
  for k in 1 2; do
    local ns=${NSP}on-kvm$k
    if [ $k = 1 ]; then ip=$ON_UL1; br=$ON_BR1; vmid=$ON_VMID1; vm=$ON_VM1; mac=$MAC1
    else ip=$ON_UL2; br=$ON_BR2; vmid=$ON_VMID2; vm=$ON_VM2; mac=$MAC2; fi
    ip -n $ns addr add $ip/$ON_PFX dev enp0s8
    ip -n $ns link set enp0s8 up
    ip -n $ns link add vxlan_bridge address 5e:1b:0e:00:00:0$k type bridge stp_state 0 forward_delay 0 mcast_snooping 0
    ip -n $ns link add $VX address 5e:1b:0e:01:00:0$k type vxlan id $ON_VNI group $G dev enp0s8 dstport 8472
    ip -n $ns link set $VX master vxlan_bridge
    tap=one-$vmid-0
    ip -n $ns link add $tap address fe:00:00:00:0$k:01 type veth peer name eth0 address $mac netns ${NSP}on-vm$k
    ip -n $ns link set $tap mtu 1450 master vxlan_bridge
    ip -n $ns addr add $br/24 dev vxlan_bridge
    ip -n $ns link set $VX up; ip -n $ns link set $tap up; ip -n $ns link set vxlan_bridge up
    ip -n ${NSP}on-vm$k link set eth0 mtu 1450 up
    ip -n ${NSP}on-vm$k addr add $vm/24 dev eth0
  done
  for h in kvm1 kvm2 vm1 vm2; do finish_ns "${NSP}on-$h"; done
  # kvm2 <-> vm2 (bridge-local) uses static neighbours: no broadcast ARP
  # that the bridge would flood into the tunnel, so that traffic is purely local.
  ip -n ${NSP}on-kvm2 neigh replace $ON_VM2 lladdr $MAC2 nud permanent dev vxlan_bridge
  ip -n ${NSP}on-vm2 neigh replace $ON_BR2 lladdr 5e:1b:0e:00:00:02 nud permanent dev eth0
  # VM<->VM: caches empty, so vm1's first ping ARPs for vm2 through the tunnel.
  ip -n ${NSP}on-vm1 neigh flush dev eth0
  ip netns exec ${NSP}on-vm2 "$PY" "$TOOL" tcp-server --name vm2 --bind $ON_VM2 --port 5001 --log "$SC_WORK/tcp-server.jsonl" --max-seconds 120 &
  nx ${NSP}on-kvm2 ip -d link show $VX > "$SC_WORK/kvm2-ip-d-link-show-vxlan.txt"
  nx ${NSP}on-kvm1 ip -d link show $VX > "$SC_WORK/kvm1-ip-d-link-show-vxlan.txt"
  nx ${NSP}on-kvm2 ip -d link show vxlan_bridge > "$SC_WORK/kvm2-ip-d-link-show-vxlan_bridge.txt"
  sleep 3   # let the IGMP reports of the vxlan group join pass before capturing
  cap_start ${NSP}on-kvm2 enp0s8 kvm2-enp0s8.pcap
  cap_start ${NSP}on-kvm2 vxlan_bridge kvm2-vxlan_bridge.pcap
  cap_start ${NSP}on-kvm1 enp0s8 kvm1-enp0s8.pcap
  ev capture_start
  sleep 0.5
  ev ping_start '"from": "vm1", "to": "vm2"'
  nx ${NSP}on-vm1 ping -n -c $ON_P12 -i $ON_INT -W 2 $ON_VM2 > "$SC_WORK/ping-vm1-vm2.txt" || true
  sleep 0.3
  ev ping_start '"from": "vm2", "to": "vm1"'
  nx ${NSP}on-vm2 ping -n -c $ON_P21 -i $ON_INT -W 2 $ON_VM1 > "$SC_WORK/ping-vm2-vm1.txt" || true
  sleep 0.3
  ev tcp_start
  nx ${NSP}on-vm1 "$PY" "$TOOL" tcp-client --name vm1 --host $ON_VM2 --port 5001 --count $ON_TCP --log "$SC_WORK/tcp-client.jsonl"
  sleep 0.3
  ev ping_start '"from": "kvm2", "to": "vm2", "local_only": true'
  nx ${NSP}on-kvm2 ping -n -c $ON_PH -i $ON_INT -W 2 $ON_VM2 > "$SC_WORK/ping-kvm2-vm2.txt" || true
  sleep 0.5
  caps_stop; ev capture_stop
  for h in vm1 vm2 kvm2; do ip -n ${NSP}on-$h neigh show > "$SC_WORK/neigh-$h.txt"; done
  ip -n ${NSP}on-kvm2 -s link show $VX > "$SC_WORK/kvm2-ip-s-link-show-vxlan.txt"
  # the vxlan device's forwarding table (learned remote MACs -> VTEP), for reference
  nx ${NSP}on-kvm2 bridge fdb show dev $VX > "$SC_WORK/kvm2-bridge-fdb-vxlan.txt"
  cat > "$SC_WORK/params.json" <<EOF
{"scenario": "opennebula-8472", "variant": "$VARIANT",
 "captures": [
  {"file": "kvm2-enp0s8.pcap", "host": "kvm2", "interface": "enp0s8", "role": "underlay (outer VXLAN/UDP 8472)"},
  {"file": "kvm2-vxlan_bridge.pcap", "host": "kvm2", "interface": "vxlan_bridge", "role": "overlay bridge (inner frames + hypervisor-local traffic)"},
  {"file": "kvm1-enp0s8.pcap", "host": "kvm1", "interface": "enp0s8", "role": "underlay, other end of the tunnel"}],
 "pings": [
  {"from": "vm1", "src": "$ON_VM1", "to": "vm2", "dst": "$ON_VM2", "count": $ON_P12, "tunnelled": true, "log": "ping-vm1-vm2.txt"},
  {"from": "vm2", "src": "$ON_VM2", "to": "vm1", "dst": "$ON_VM1", "count": $ON_P21, "tunnelled": true, "log": "ping-vm2-vm1.txt"},
  {"from": "kvm2", "src": "$ON_BR2", "to": "vm2", "dst": "$ON_VM2", "count": $ON_PH, "tunnelled": false, "log": "ping-kvm2-vm2.txt"}],
 "tcp": {"server": "$ON_VM2", "port": 5001, "client": "$ON_VM1"},
 "static": {
  "vni": $ON_VNI, "udp_port": 8472, "vxlan_device": "$VX", "bridge": "vxlan_bridge", "underlay_nic": "enp0s8",
  "flood": "multicast", "multicast_group": "$G", "multicast_base": "239.0.0.0",
  "vtep_ips": {"kvm1": "$ON_UL1", "kvm2": "$ON_UL2"},
  "underlay_macs": {"kvm1": "08:00:27:3a:11:01", "kvm2": "08:00:27:3a:11:02"},
  "bridge_ips": {"kvm1": "$ON_BR1", "kvm2": "$ON_BR2"},
  "bridge_macs": {"kvm1": "5e:1b:0e:00:00:01", "kvm2": "5e:1b:0e:00:00:02"},
  "vm_mtu": 1450,
  "vms": [{"name": "vm1", "vm_id": $ON_VMID1, "host": "kvm1", "tap": "one-$ON_VMID1-0", "ip": "$ON_VM1", "mac": "$MAC1"},
          {"name": "vm2", "vm_id": $ON_VMID2, "host": "kvm2", "tap": "one-$ON_VMID2-0", "ip": "$ON_VM2", "mac": "$MAC2"}],
  "onevnet": {"id": $ON_VNET_ID, "name": "vxlan-lab"},
  "arp": {"note": "vm1 and vm2 neighbour caches flushed before capture; kvm2<->vm2 use static (permanent) neighbours; base_reachable_time 900 s and delay_first_probe_time 900 s so no re-probes",
          "exchanges": [{"requester": "vm1", "requester_ip": "$ON_VM1", "target": "vm2", "target_ip": "$ON_VM2", "requests": 1, "replies": 1, "why": "first vm1->vm2 ping, empty cache", "flooded_to_tunnel": true}],
          "arp_requests_total": 1},
  "local_only": {"description": "kvm2 (vxlan_bridge $ON_BR2) <-> vm2 ICMP: bridge-local, never tunnelled", "hosts": ["$ON_BR2", "$ON_VM2"], "icmp_echo_requests": $ON_PH}
 }}
EOF
  "$PY" "$TOOL" texts --params "$SC_WORK/params.json" --dir "$SC_WORK"
  finish_scenario
}

# ==================================================== 2: OpenStack VXLAN 4789
# compute1/compute2 with NIC ens3; a Linux bridge br-int stands in for OVS
# br-int+br-tun, and a Linux vxlan named vxlan_sys_4789 (VNI = segmentation
# id, unicast to the peer VTEP, MTU 65000 as OVS sets on that device) carries
# the tenant network.  VMs (fa:16:3e MACs, 10.0.0.0/24) get the network MTU
# 1450.  For the oversize packet both guests' MTU is raised to 1500 (images
# that ignore the DHCP MTU option) and vm1 sends one 1500-byte IP packet
# without DF: the 1550-byte outer packet does not fit ens3 (1500), so the
# kernel either fragments the outer IP or drops it; truth.json says which
# from the kernel's own Ip counters and the ping result.
scenario_openstack() {
  begin_scenario openstack-4789
  local k ns ip peer vm mac tap h
  for h in compute1 compute2 vm1 vm2; do mkns "${NSP}os-$h"; done
  ip -n ${NSP}os-compute1 link add ens3 address 52:54:00:6a:01:0b type veth \
     peer name ens3 address 52:54:00:6a:01:0c netns ${NSP}os-compute2
  for k in 1 2; do
    ns=${NSP}os-compute$k
    if [ $k = 1 ]; then ip=$OS_UL1; peer=$OS_UL2; vm=$OS_VM1; mac=$OS_MAC1; tap=$OS_TAP1
    else ip=$OS_UL2; peer=$OS_UL1; vm=$OS_VM2; mac=$OS_MAC2; tap=$OS_TAP2; fi
    ip -n $ns addr add $ip/24 dev ens3; ip -n $ns link set ens3 up
    ip -n $ns link add br-int address 7e:3c:44:00:00:0$k type bridge stp_state 0 forward_delay 0 mcast_snooping 0
    ip -n $ns link add vxlan_sys_4789 address 8a:0b:7c:00:00:0$k type vxlan id $OS_VNI local $ip remote $peer dstport 4789
    ip -n $ns link set vxlan_sys_4789 mtu 65000 master br-int
    ip -n $ns link add $tap address fe:16:3e:00:0$k:01 type veth peer name eth0 address $mac netns ${NSP}os-vm$k
    ip -n $ns link set $tap mtu 1500 master br-int
    ip -n $ns link set vxlan_sys_4789 up; ip -n $ns link set $tap up; ip -n $ns link set br-int up
    ip -n ${NSP}os-vm$k link set eth0 mtu 1450 up
    ip -n ${NSP}os-vm$k addr add $vm/24 dev eth0
  done
  for h in compute1 compute2 vm1 vm2; do finish_ns "${NSP}os-$h"; done
  ip -n ${NSP}os-vm1 neigh flush dev eth0
  ip netns exec ${NSP}os-vm2 "$PY" "$TOOL" tcp-server --name vm2 --bind $OS_VM2 --port 5001 --log "$SC_WORK/tcp-server.jsonl" --max-seconds 120 &
  nx ${NSP}os-compute1 ip -d link show vxlan_sys_4789 > "$SC_WORK/compute1-ip-d-link-show-vxlan_sys_4789.txt"
  nx ${NSP}os-compute2 ip -d link show vxlan_sys_4789 > "$SC_WORK/compute2-ip-d-link-show-vxlan_sys_4789.txt"
  sleep 1
  local t0; t0=$(tnow)
  cap_start ${NSP}os-compute1 ens3 compute1-ens3.pcap
  cap_start ${NSP}os-compute1 vxlan_sys_4789 compute1-vxlan_sys_4789.pcap
  cap_start ${NSP}os-compute2 ens3 compute2-ens3.pcap
  ev capture_start
  sleep 0.5
  ev ping_start '"from": "vm1", "to": "vm2"'
  nx ${NSP}os-vm1 ping -n -c $OS_P12 -i $OS_INT -W 2 $OS_VM2 > "$SC_WORK/ping-vm1-vm2.txt" || true
  sleep 0.3
  ev ping_start '"from": "vm2", "to": "vm1"'
  nx ${NSP}os-vm2 ping -n -c $OS_P21 -i $OS_INT -W 2 $OS_VM1 > "$SC_WORK/ping-vm2-vm1.txt" || true
  sleep 0.3
  ev tcp_start
  nx ${NSP}os-vm1 "$PY" "$TOOL" tcp-client --name vm1 --host $OS_VM2 --port 5001 --count $OS_TCP --log "$SC_WORK/tcp-client.jsonl"
  sleep 0.3
  # the oversize inner packet
  ip -n ${NSP}os-vm1 link set eth0 mtu 1500; ip -n ${NSP}os-vm2 link set eth0 mtu 1500
  echo "{\"compute1\": $(nx ${NSP}os-compute1 "$PY" "$TOOL" snmp), \"compute2\": $(nx ${NSP}os-compute2 "$PY" "$TOOL" snmp)}" > "$SC_WORK/snmp-before.json"
  ev oversize_ping "\"size\": $OS_BIG, \"df\": false"
  nx ${NSP}os-vm1 ping -n -c 1 -s $OS_BIG -M dont -W 2 $OS_VM2 > "$SC_WORK/ping-oversize.txt" || true
  sleep 0.3
  echo "{\"compute1\": $(nx ${NSP}os-compute1 "$PY" "$TOOL" snmp), \"compute2\": $(nx ${NSP}os-compute2 "$PY" "$TOOL" snmp)}" > "$SC_WORK/snmp-after.json"
  ip -n ${NSP}os-vm1 link set eth0 mtu 1450; ip -n ${NSP}os-vm2 link set eth0 mtu 1450
  sleep 0.5
  caps_stop; ev capture_stop
  for h in vm1 vm2; do ip -n ${NSP}os-$h neigh show > "$SC_WORK/neigh-$h.txt"; done
  local dur; dur=$(awk "BEGIN{print $(tnow) - $t0}")
  nx ${NSP}os-compute1 "$PY" -c 'import json;d="/sys/class/net/vxlan_sys_4789/statistics/";print(json.dumps({k:int(open(d+k).read()) for k in ("rx_packets","tx_packets","rx_bytes","tx_bytes")}))' > "$SC_WORK/counters.json"
  cat > "$SC_WORK/params.json" <<EOF
{"scenario": "openstack-4789", "variant": "$VARIANT",
 "captures": [
  {"file": "compute1-ens3.pcap", "host": "compute1", "interface": "ens3", "role": "underlay (outer VXLAN/UDP 4789)"},
  {"file": "compute1-vxlan_sys_4789.pcap", "host": "compute1", "interface": "vxlan_sys_4789", "role": "tunnel device (inner frames)"},
  {"file": "compute2-ens3.pcap", "host": "compute2", "interface": "ens3", "role": "underlay, other end of the tunnel"}],
 "pings": [
  {"from": "vm1", "src": "$OS_VM1", "to": "vm2", "dst": "$OS_VM2", "count": $OS_P12, "tunnelled": true, "log": "ping-vm1-vm2.txt"},
  {"from": "vm2", "src": "$OS_VM2", "to": "vm1", "dst": "$OS_VM1", "count": $OS_P21, "tunnelled": true, "log": "ping-vm2-vm1.txt"}],
 "tcp": {"server": "$OS_VM2", "port": 5001, "client": "$OS_VM1"},
 "oversize": {"from": "vm1", "to": "vm2", "src": "$OS_VM1", "dst": "$OS_VM2", "sender_node": "compute1", "icmp_payload": $OS_BIG,
              "inner_ip_total_length": $((OS_BIG + 28)), "inner_df": false, "count": 1, "log": "ping-oversize.txt",
              "outer_ip_length_needed": $((OS_BIG + 28 + 14 + 8 + 8 + 20)), "underlay_mtu": 1500,
              "note": "guest MTUs raised to 1500 for this one ping (guest ignoring network mtu 1450); vxlan_sys_4789 mtu 65000 like OVS; Linux vxlan 'df unset' leaves DF clear on the outer header"},
 "static": {
  "vni": $OS_VNI, "vni_hex": "0x$(printf %x $OS_VNI)", "segmentation_id": $OS_VNI, "udp_port": 4789,
  "vxlan_device": "vxlan_sys_4789", "underlay_nic": "ens3", "bridge": "br-int (Linux bridge standing in for OVS br-int/br-tun)",
  "flood": "unicast to the peer VTEP (head-end replication)", "local_vlan": 1,
  "vtep_ips": {"compute1": "$OS_UL1", "compute2": "$OS_UL2"},
  "underlay_macs": {"compute1": "52:54:00:6a:01:0b", "compute2": "52:54:00:6a:01:0c"},
  "network_mtu": 1450, "vxlan_device_mtu": 65000, "underlay_mtu": 1500,
  "network": {"name": "private", "id": "6c1f1e4e-0b9d-4b5e-9a47-2f1d3c5b$(printf %04x $OS_VNI)", "subnet": "10.0.0.0/24",
              "subnet_id": "b3e6a0c2-7f41-4d2a-8c55-91e0f4a7$(printf %04x $OS_VNI)", "project_id": "9f3a1c2b7d4e4f60a1b2c3d4e5f60718"},
  "vms": [{"name": "vm1", "host": "compute1", "tap": "$OS_TAP1", "ip": "$OS_VM1", "mac": "$OS_MAC1"},
          {"name": "vm2", "host": "compute2", "tap": "$OS_TAP2", "ip": "$OS_VM2", "mac": "$OS_MAC2"}],
  "arp": {"exchanges": [{"requester": "vm1", "requester_ip": "$OS_VM1", "target": "vm2", "target_ip": "$OS_VM2", "requests": 1, "replies": 1, "why": "first vm1->vm2 ping, empty cache", "flooded_to_tunnel": true}],
          "arp_requests_total": 1}
 }}
EOF
  "$PY" "$TOOL" texts --params "$SC_WORK/params.json" --dir "$SC_WORK" --counters "$SC_WORK/counters.json" --duration "$dur"
  finish_scenario
}

# ============================================================ 3/5: keepalived
# director1/director2 joined by two segments (eth0 <-> eth0, eth1 <-> eth1,
# each a veth pair = a two-port segment).  keepalived in VRRP-only mode
# (-P) runs in each namespace with its own pid files, logging to the
# console, each line time-stamped on arrival by labtool.py tslog.
write_keepalived_conf() { # router prio state file
  cat > "$4" <<EOF
global_defs {
    router_id $1
}

vrrp_instance VI_1 {
    state $3
    interface eth0
    virtual_router_id $VR_ID1
    priority $2
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass $VR_PASS
    }
    virtual_ipaddress {
        $VR_VIP1/24 dev eth0
    }
}

vrrp_instance VI_2 {
    state $3
    interface eth1
    virtual_router_id $VR_ID2
    priority $2
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass $VR_PASS
    }
    virtual_ipaddress {
        $VR_VIP2/24 dev eth1
    }
}
EOF
}
ka_start() { # router
  local r=$1 ns=${NSP}${VRP}-$1
  ip netns exec $ns keepalived -n -l -D -G -P -f "$SC_WORK/keepalived-$r.conf" \
     -p "$SC_WORK/keepalived-$r.pid" -r "$SC_WORK/keepalived-$r-vrrp.pid" \
     > >("$PY" "$TOOL" tslog --out "$SC_WORK/keepalived-$r.log" --max-seconds 300) 2>&1 &
  eval "KA_PID_$r=$!"
  ev keepalived_start "\"router\": \"$r\", \"pid\": $!"
}
ka_stop() { # router
  local r=$1 pid i; eval "pid=\$KA_PID_$r"
  ev keepalived_stop "\"router\": \"$r\", \"pid\": $pid, \"signal\": \"TERM\""
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  wait "$pid" 2>/dev/null || true
}
vrrp_topology() {
  local r
  for r in director1 director2; do mkns "${NSP}${VRP}-$r"; done
  ip -n ${NSP}${VRP}-director1 link add eth0 address 52:54:00:d1:00:00 type veth peer name eth0 address 52:54:00:d2:00:00 netns ${NSP}${VRP}-director2
  ip -n ${NSP}${VRP}-director1 link add eth1 address 52:54:00:d1:00:01 type veth peer name eth1 address 52:54:00:d2:00:01 netns ${NSP}${VRP}-director2
  for r in 1 2; do
    local ns=${NSP}${VRP}-director$r
    ip -n $ns addr add $VR_NET1.1$r/24 dev eth0; ip -n $ns addr add $VR_NET2.1$r/24 dev eth1
    ip -n $ns link set eth0 up; ip -n $ns link set eth1 up
    finish_ns $ns
  done
  write_keepalived_conf director1 $VR_P1 MASTER "$SC_WORK/keepalived-director1.conf"
  write_keepalived_conf director2 $VR_P2 BACKUP "$SC_WORK/keepalived-director2.conf"
}
vrrp_params() { # extra-json
  cat > "$SC_WORK/params.json" <<EOF
{"scenario": "$SC", "variant": "$VARIANT", "routers": ["director1", "director2"],
 "captures": $VR_CAPS,
 "static": {
  "vrrp_version": 2, "auth_type": "PASS", "auth_pass": "$VR_PASS", "advert_int": 1,
  "routers": {"director1": {"eth0": "$VR_NET1.11", "eth1": "$VR_NET2.11", "eth0_mac": "52:54:00:d1:00:00", "eth1_mac": "52:54:00:d1:00:01", "config_state": "MASTER", "priority": $VR_P1},
              "director2": {"eth0": "$VR_NET1.12", "eth1": "$VR_NET2.12", "eth0_mac": "52:54:00:d2:00:00", "eth1_mac": "52:54:00:d2:00:01", "config_state": "BACKUP", "priority": $VR_P2}},
  "vrrp_instances": [
    {"name": "VI_1", "vrid": $VR_ID1, "interface": "eth0", "vip": "$VR_VIP1", "virtual_mac": "00:00:5e:00:01:$(printf %02x $VR_ID1)", "priorities": {"director1": $VR_P1, "director2": $VR_P2}},
    {"name": "VI_2", "vrid": $VR_ID2, "interface": "eth1", "vip": "$VR_VIP2", "virtual_mac": "00:00:5e:00:01:$(printf %02x $VR_ID2)", "priorities": {"director1": $VR_P1, "director2": $VR_P2}}],
  "keepalived": {"version": "$(keepalived --version 2>&1 | head -1)", "command": "keepalived -n -l -D -G -P -f CONF -p PID -r VRRP_PID",
                 "garp_master_repeat": 5, "garp_master_delay": 5, "garp_note": "keepalived defaults: on becoming MASTER 5 gratuitous ARPs per VIP, another 5 after 5 s", "preempt": true},
  "note": "virtual MAC not used (no use_vmac): GARPs and adverts carry the interface MAC"$1
 }}
EOF
}

scenario_vrrp() {
  begin_scenario keepalived-vrrp
  VRP=vr
  vrrp_topology
  ka_start director2; ka_start director1
  wait_for "$SC_WORK/keepalived-director1.log" "VI_2\) Entering MASTER" 15
  wait_for "$SC_WORK/keepalived-director2.log" "VI_2\) Entering BACKUP" 15
  # keepalived repeats the new master's GARPs after garp_master_delay (5 s):
  # start capturing after that so the steady state holds adverts only.
  sleep 6
  cap_start ${NSP}vr-director2 eth0 director2-eth0.pcap
  cap_start ${NSP}vr-director2 eth1 director2-eth1.pcap
  cap_start ${NSP}vr-director1 eth0 director1-eth0.pcap
  ev capture_start
  sleep $VR_STEADY
  ka_stop director1                       # master stops: priority-0 adverts
  wait_for "$SC_WORK/keepalived-director2.log" "VI_1\) Entering MASTER" 10
  sleep $VR_DOWN                          # backup is master: both GARP bursts
  ka_start director1                      # master comes back and pre-empts
  wait_count "$SC_WORK/keepalived-director2.log" "VI_1\) Entering BACKUP" 2 15 || true
  sleep $VR_AFTER
  caps_stop; ev capture_stop
  ka_stop director2; ka_stop director1
  VR_CAPS='[{"file": "director2-eth0.pcap", "host": "director2", "interface": "eth0", "role": "VI_1 segment, seen from the backup"},
    {"file": "director2-eth1.pcap", "host": "director2", "interface": "eth1", "role": "VI_2 segment, seen from the backup"},
    {"file": "director1-eth0.pcap", "host": "director1", "interface": "eth0", "role": "VI_1 segment, seen from the master"}]'
  vrrp_params ', "phases": {"steady_s": '$VR_STEADY', "master_down_s": '$VR_DOWN', "after_restart_s": '$VR_AFTER'}'
  finish_scenario
}

# split brain: same routers, then nft drops incoming VRRP (ip proto 112) on
# both, so neither hears the other and both are MASTER; then the rule goes.
scenario_splitbrain() {
  begin_scenario vrrp-split-brain
  VRP=sb
  vrrp_topology
  ka_start director2; ka_start director1
  wait_for "$SC_WORK/keepalived-director1.log" "VI_2\) Entering MASTER" 15
  wait_for "$SC_WORK/keepalived-director2.log" "VI_2\) Entering BACKUP" 15
  sleep 6
  cap_start ${NSP}sb-director2 eth0 director2-eth0.pcap
  cap_start ${NSP}sb-director1 eth0 director1-eth0.pcap
  ev capture_start
  sleep $SB_STEADY
  local r
  for r in director1 director2; do
    nx ${NSP}sb-$r nft add table ip splitbrain
    nx ${NSP}sb-$r nft 'add chain ip splitbrain input { type filter hook input priority 0; policy accept; }'
    nx ${NSP}sb-$r nft add rule ip splitbrain input ip protocol vrrp drop
  done
  ev vrrp_blocked '"rule": "ip protocol vrrp drop (input hook, both directors)"'
  sleep $SB_SPLIT
  for r in director1 director2; do nx ${NSP}sb-$r nft delete table ip splitbrain; done
  ev vrrp_unblocked
  sleep $SB_HEAL
  caps_stop; ev capture_stop
  ka_stop director2; ka_stop director1
  VR_CAPS='[{"file": "director2-eth0.pcap", "host": "director2", "interface": "eth0", "role": "VI_1 segment (tcpdump sees packets before the nft input drop)"},
    {"file": "director1-eth0.pcap", "host": "director1", "interface": "eth0", "role": "VI_1 segment from director1"}]'
  vrrp_params ', "split_brain": {"mechanism": "nft input rule dropping IP protocol 112 on both directors", "steady_s": '$SB_STEADY', "blocked_s": '$SB_SPLIT', "healed_s": '$SB_HEAL'}'
  finish_scenario
}

# ===================================================== 4/6: LVS-NAT via nft
# client -- [sw: br-front] -- director eth0 (VIP) / eth1 (DIP) -- [sw: br-back]
#   -- rs1, rs2, sorry.  nft DNAT on the director = IPVS lb_kind NAT on the
# wire; conntrack un-NATs the replies, which come back because the real
# servers' default route is the director.  labtool.py healthcheck emulates
# keepalived TCP_CHECK and rewrites the DNAT rule.
lvs_topology() { # mode: nat | direct
  local mode=$1 n h
  for h in sw client director rs1 rs2 sorry; do mkns "${NSP}${LVP}-$h"; done
  local SW=${NSP}${LVP}-sw
  ip -n $SW link add br-front type bridge stp_state 0 forward_delay 0 mcast_snooping 0
  ip -n $SW link add br-back type bridge stp_state 0 forward_delay 0 mcast_snooping 0
  # plug HOST IF MAC BRIDGE PORTNAME
  plug() { ip -n $SW link add $5 type veth peer name $2 address $3 netns ${NSP}${LVP}-$1
           ip -n $SW link set $5 master $4 up; ip -n ${NSP}${LVP}-$1 link set $2 up; }
  plug client eth0 52:54:00:c1:00:0a br-front p-client
  plug director eth0 52:54:00:d0:00:01 br-front p-dir0
  plug director eth1 52:54:00:d0:01:01 br-back p-dir1
  plug rs1 eth0 52:54:00:b0:00:11 br-back p-rs1
  plug rs2 eth0 52:54:00:b0:00:12 br-back p-rs2
  plug sorry eth0 52:54:00:b0:00:13 br-back p-sorry
  ip -n $SW link set br-front up; ip -n $SW link set br-back up
  local D=${NSP}${LVP}-director
  ip -n ${NSP}${LVP}-client addr add $LV_FRONT.10/24 dev eth0
  ip -n $D addr add $LV_FRONT.2/24 dev eth0
  ip -n $D addr add $LV_VIP/24 dev eth0
  ip -n $D addr add $LV_BACK.1/24 dev eth1
  nsysctl $D net.ipv4.ip_forward=1
  ip -n ${NSP}${LVP}-rs1 addr add $LV_BACK.11/24 dev eth0
  ip -n ${NSP}${LVP}-rs2 addr add $LV_BACK.12/24 dev eth0
  ip -n ${NSP}${LVP}-sorry addr add $LV_BACK.13/24 dev eth0
  for h in rs2 sorry; do ip -n ${NSP}${LVP}-$h route add default via $LV_BACK.1; done
  if [ "$mode" = direct ]; then
    # misconfiguration: rs1's default route is a plain router (gw) that also
    # sits on the client segment, so rs1 answers the client directly with
    # its own address, bypassing the director's un-NAT.
    mkns ${NSP}${LVP}-gw
    plug gw eth0 52:54:00:9a:00:fe br-back p-gw0
    plug gw eth1 52:54:00:9a:01:fe br-front p-gw1
    ip -n ${NSP}${LVP}-gw addr add $LV_BACK.254/24 dev eth0
    ip -n ${NSP}${LVP}-gw addr add $LV_FRONT.254/24 dev eth1
    nsysctl ${NSP}${LVP}-gw net.ipv4.ip_forward=1
    ip -n ${NSP}${LVP}-rs1 route add default via $LV_BACK.254
    # the client is "routed": it reaches the back net through gw
    ip -n ${NSP}${LVP}-client route add $LV_BACK.0/24 via $LV_FRONT.254
    finish_ns ${NSP}${LVP}-gw
  else
    ip -n ${NSP}${LVP}-rs1 route add default via $LV_BACK.1
  fi
  # the client reaches the VIP directly (same segment): no route needed.
  for h in sw client director rs1 rs2 sorry; do finish_ns "${NSP}${LVP}-$h"; done
  nx $D nft add table ip lvs
  nx $D nft 'add chain ip lvs prerouting { type nat hook prerouting priority dstnat; policy accept; }'
  for h in rs1 rs2 sorry; do
    ip netns exec ${NSP}${LVP}-$h "$PY" "$TOOL" http-server --name $h --bind 0.0.0.0 --port $LV_PORT --log "$SC_WORK/http-$h.jsonl" --max-seconds 200 &
    eval "HTTP_PID_$h=$!"
  done
  for h in rs1 rs2 sorry; do wait_for "$SC_WORK/http-$h.jsonl" listening 5; done
}
lvs_params() { # extra
  cat > "$SC_WORK/params.json" <<EOF
{"scenario": "$SC", "variant": "$VARIANT",
 "captures": [
  {"file": "client-eth0.pcap", "host": "client", "interface": "eth0", "role": "client side (VIP traffic)"},
  {"file": "director-eth0.pcap", "host": "director", "interface": "eth0", "role": "director front NIC (VIP)"},
  {"file": "director-eth1.pcap", "host": "director", "interface": "eth1", "role": "director back NIC / server side (DNATed traffic + health checks)"}],
 "static": {
  "vip": "$LV_VIP", "port": $LV_PORT, "vip_port": "$LV_VIP:$LV_PORT", "lb_kind": "NAT (nftables DNAT + conntrack, no IPVS in this kernel)", "lb_algo": "rr",
  "director": {"front_ip": "$LV_FRONT.2", "vip": "$LV_VIP", "dip": "$LV_BACK.1", "eth0_mac": "52:54:00:d0:00:01", "eth1_mac": "52:54:00:d0:01:01"},
  "client": {"ip": "$LV_FRONT.10", "mac": "52:54:00:c1:00:0a"},
  "real_servers": [{"name": "rs1", "ip": "$LV_BACK.11", "port": $LV_PORT, "mac": "52:54:00:b0:00:11"},
                   {"name": "rs2", "ip": "$LV_BACK.12", "port": $LV_PORT, "mac": "52:54:00:b0:00:12"}],
  "sorry_server": {"name": "sorry", "ip": "$LV_BACK.13", "port": $LV_PORT, "mac": "52:54:00:b0:00:13"},
  "server_names": ["rs1", "rs2", "sorry"],
  "health_check": {"type": "TCP_CHECK emulation (connect + close)", "delay_loop_s": $LV_DELAY, "connect_timeout_s": $LV_CTO, "retry": 0, "source": "$LV_BACK.1"}$1
 }}
EOF
}

scenario_lvs() {
  begin_scenario lvs-nat
  LVP=lv
  lvs_topology nat
  local D=${NSP}lv-director
  ip netns exec $D "$PY" "$TOOL" healthcheck --servers rs1=$LV_BACK.11,rs2=$LV_BACK.12 --sorry $LV_BACK.13 --vip $LV_VIP --port $LV_PORT \
     --table lvs --chain prerouting --delay-loop $LV_DELAY --connect-timeout $LV_CTO --log "$SC_WORK/healthcheck.jsonl" --max-seconds 120 &
  local HC=$!
  wait_for "$SC_WORK/healthcheck.jsonl" '"event": "check"' 5
  nx $D nft list ruleset > "$SC_WORK/director-nft-ruleset-start.txt"
  cap_start ${NSP}lv-client eth0 client-eth0.pcap
  cap_start $D eth0 director-eth0.pcap
  cap_start $D eth1 director-eth1.pcap
  ev capture_start
  sleep 0.3
  ev client_start "\"requests\": $LV_N, \"interval_s\": $LV_INT"
  ip netns exec ${NSP}lv-client "$PY" "$TOOL" http-client --host $LV_VIP --port $LV_PORT --bind $LV_FRONT.10 --count $LV_N --interval $LV_INT --timeout 2 --log "$SC_WORK/http-client.jsonl" &
  local CL=$!
  sleep $LV_STOP1; kill -TERM $HTTP_PID_rs1; wait $HTTP_PID_rs1 2>/dev/null || true
  ev server_stopped '"server": "rs1"'
  sleep $(awk "BEGIN{print $LV_STOP2 - $LV_STOP1}"); kill -TERM $HTTP_PID_rs2; wait $HTTP_PID_rs2 2>/dev/null || true
  ev server_stopped '"server": "rs2"'
  wait $CL || true
  ev client_done
  sleep 0.5
  caps_stop; ev capture_stop
  nx $D nft list ruleset > "$SC_WORK/director-nft-ruleset-end.txt"
  kill $HC 2>/dev/null || true; wait $HC 2>/dev/null || true
  lvs_params ", \"timeline\": {\"requests\": $LV_N, \"interval_s\": $LV_INT, \"rs1_stop_after_s\": $LV_STOP1, \"rs2_stop_after_s\": $LV_STOP2}"
  finish_scenario
}

scenario_lvsdirect() {
  begin_scenario lvs-nat-direct-reply
  LVP=ld
  lvs_topology direct
  local D=${NSP}ld-director
  ip netns exec $D "$PY" "$TOOL" healthcheck --servers rs1=$LV_BACK.11,rs2=$LV_BACK.12 --sorry $LV_BACK.13 --vip $LV_VIP --port $LV_PORT \
     --table lvs --chain prerouting --delay-loop $LV_DELAY --connect-timeout $LV_CTO --log "$SC_WORK/healthcheck.jsonl" --max-seconds 60 &
  local HC=$!
  wait_for "$SC_WORK/healthcheck.jsonl" '"event": "check"' 5
  cap_start ${NSP}ld-client eth0 client-eth0.pcap
  cap_start $D eth0 director-eth0.pcap
  cap_start $D eth1 director-eth1.pcap
  ev capture_start
  sleep 0.3
  ev client_start "\"requests\": $LD_N, \"interval_s\": $LD_INT"
  nx ${NSP}ld-client "$PY" "$TOOL" http-client --host $LV_VIP --port $LV_PORT --bind $LV_FRONT.10 --count $LD_N --interval $LD_INT --timeout 1.5 --log "$SC_WORK/http-client.jsonl"
  ev client_done
  sleep 0.5
  caps_stop; ev capture_stop
  kill $HC 2>/dev/null || true; wait $HC 2>/dev/null || true
  lvs_params ", \"misconfiguration\": {\"server\": \"rs1\", \"default_route\": \"$LV_BACK.254 (router gw, also on the client segment $LV_FRONT.254)\", \"expected\": \"rs1 SYN/ACKs reach the client from $LV_BACK.11:$LV_PORT instead of the VIP; the client resets them and its connect times out\"}, \"gw\": {\"back\": \"$LV_BACK.254\", \"front\": \"$LV_FRONT.254\"}"
  finish_scenario
}

# =================================================================== main
delete_our_namespaces          # leftovers of an earlier failed run
mkdir -p "$OUT"
T_START=$(date +%s)
IFS=, read -ra WANT <<< "$ONLY"
for s in "${WANT[@]}"; do
  case "$s" in
    opennebula) scenario_opennebula ;;
    openstack) scenario_openstack ;;
    vrrp) scenario_vrrp ;;
    lvs) scenario_lvs ;;
    splitbrain) scenario_splitbrain ;;
    lvsdirect) scenario_lvsdirect ;;
    *) log "unknown scenario $s"; exit 2 ;;
  esac
done
log "done in $(( $(date +%s) - T_START )) s; output in $OUT"
