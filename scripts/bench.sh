#!/usr/bin/env bash
# Reading + dissection benchmark (not a unit test): tiles a real VXLAN capture to 1 GiB and compares TunnelLens
# with tcpdump -nn -r and tshark. Usage: scripts/bench.sh [SOURCE.pcap] [BYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
SRC=${1:-src/test/resources/corpus/public/zeek/vxlan-encapsulated-http.pcap}
BYTES=${2:-1073741824}
WORK=${BENCH_DIR:-/tmp/tunnellens-bench}
mkdir -p "$WORK"
mvn -q -B -DskipTests package test-compile
CP="target/test-classes:target/tunnellens.jar"
BIG="$WORK/tiled-1g.pcap"; SMALL="$WORK/tiled-100m.pcap"
[ -f "$BIG" ] || java -cp "$CP" org.tunnellens.bench.CaptureBench tile "$SRC" "$BIG" "$BYTES"
[ -f "$SMALL" ] || java -cp "$CP" org.tunnellens.bench.CaptureBench tile "$SRC" "$SMALL" 104857600
cat "$BIG" > /dev/null   # into the page cache
echo "== reading + full dissection (in-process, page cache warm)"
java -Xmx2g -cp "$CP" org.tunnellens.bench.CaptureBench run "$BIG" 5
echo "== end to end, 1 GiB: tcpdump -nn -r"
/usr/bin/time -f "%e s, %M KiB max RSS" tcpdump -nn -r "$BIG" > /dev/null 2>"$WORK/tcpdump.err" || true
tail -1 "$WORK/tcpdump.err"
echo "== end to end, 1 GiB: tunnellens packets -T fields"
/usr/bin/time -f "%e s, %M KiB max RSS" java -jar target/tunnellens.jar packets -r "$BIG" -T fields \
  -e frame.number -e ip.src -e ip.dst -e udp.dstport -e vxlan.vni -e tcp.flags > /dev/null
echo "== end to end, 1 GiB: tunnellens packets (text list, as tcpdump prints)"
/usr/bin/time -f "%e s, %M KiB max RSS" java -jar target/tunnellens.jar packets -r "$BIG" > /dev/null
echo "== end to end, 100 MiB: tshark -T fields (same fields)"
/usr/bin/time -o "$WORK/tshark.time" -f "%e s, %M KiB max RSS" tshark -n -r "$SMALL" -T fields -e frame.number -e ip.src -e ip.dst \
  -e udp.dstport -e vxlan.vni -e tcp.flags > /dev/null 2>"$WORK/tshark.err" || true; cat "$WORK/tshark.time"
echo "== end to end, 100 MiB: tunnellens packets -T fields"
/usr/bin/time -f "%e s, %M KiB max RSS" java -jar target/tunnellens.jar packets -r "$SMALL" -T fields \
  -e frame.number -e ip.src -e ip.dst -e udp.dstport -e vxlan.vni -e tcp.flags > /dev/null
