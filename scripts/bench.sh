#!/usr/bin/env bash
# Reading + dissection benchmark (not a unit test): tiles a real VXLAN capture to 1 GiB and compares TunnelLens
# with tcpdump -nn -r and tshark on the same file. Usage: scripts/bench.sh [SOURCE.pcap] [BYTES]
# (tshark takes minutes on 1 GiB; SKIP_TSHARK=1 leaves it out)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
SRC=${1:-src/test/resources/corpus/public/zeek/vxlan-encapsulated-http.pcap}
BYTES=${2:-1073741824}
WORK=${BENCH_DIR:-/tmp/tunnellens-bench}
mkdir -p "$WORK"
mvn -q -B -DskipTests package test-compile
CP="target/test-classes:target/tunnellens.jar"
BIG="$WORK/tiled-1g.pcap"
[ -f "$BIG" ] || java -cp "$CP" org.tunnellens.bench.CaptureBench tile "$SRC" "$BIG" "$BYTES"
cat "$BIG" > /dev/null   # into the page cache
echo "== reading + full dissection (in-process, page cache warm)"
java -Xmx2g -cp "$CP" org.tunnellens.bench.CaptureBench run "$BIG" 5
FIELDS="-T fields -e frame.number -e ip.src -e ip.dst -e udp.dstport -e vxlan.vni -e tcp.flags"
if command -v hyperfine > /dev/null; then
  echo "== end to end, 1 GiB, output to /dev/null (hyperfine: 1 warm-up, 5 runs each)"
  hyperfine -N -w 1 -r 5 --output=null \
    -n "tcpdump -nn -r" "tcpdump -nn -r $BIG" \
    -n "tunnellens packets $FIELDS" "java -jar target/tunnellens.jar packets -r $BIG $FIELDS" \
    -n "tunnellens packets (text list)" "java -jar target/tunnellens.jar packets -r $BIG"
else
  for cmd in "tcpdump -nn -r $BIG" "java -jar target/tunnellens.jar packets -r $BIG $FIELDS" \
      "java -jar target/tunnellens.jar packets -r $BIG"; do
    echo "== end to end, 1 GiB: $cmd"
    /usr/bin/time -f "%e s, %M KiB max RSS" $cmd > /dev/null 2> "$WORK/time.err" || true; tail -1 "$WORK/time.err"
  done
fi
if [ -z "${SKIP_TSHARK:-}" ]; then
  echo "== end to end, 1 GiB: tshark -n -r -T fields (same fields)"
  /usr/bin/time -o "$WORK/tshark.time" -f "%e s, %M KiB max RSS" tshark -n -r "$BIG" $FIELDS > /dev/null 2>"$WORK/tshark.err" || true; cat "$WORK/tshark.time"
fi
