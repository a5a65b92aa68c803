#!/usr/bin/env bash
# Builds a 4 GiB capture of real packets (a sample tiled, timestamps moving on with each copy), then opens it
# with a 512 MiB heap: `packets` lists the last frame number, and MappingReleaseCheck shows the heap used and
# that closing the file releases the mapping. Reports wall time and max RSS (/usr/bin/time). Deletes the file.
# Usage: scripts/huge-file.sh [SOURCE.pcap] [BYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
. ./scripts/java-home.sh
SRC="${1:-src/test/resources/corpus/public/ndpi/vxlan.pcap}"
BYTES="${2:-4294967296}"
OUT="${HUGE_DIR:-/tmp/tunnellens-huge}/huge.pcap"
mkdir -p "$(dirname "$OUT")"
trap 'rm -f "$OUT"' EXIT

python3 - "$SRC" "$OUT" "$BYTES" <<'PY'
import struct, sys
src, out, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
magic = data[:4]
assert magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'), "needs a little-endian classic pcap"
recs, pos = [], 24
while pos + 16 <= len(data):
    sec, frac, cap, orig = struct.unpack_from('<IIII', data, pos)
    recs.append((sec, frac, data[pos + 16:pos + 16 + cap], orig))
    pos += 16 + cap
span = max(1, recs[-1][0] - recs[0][0] + 1)
with open(out, 'wb') as f:
    f.write(data[:24])
    written, copy = 24, 0
    while True:
        chunk = bytearray()
        for sec, frac, body, orig in recs:
            chunk += struct.pack('<IIII', sec + copy * span, frac, len(body), orig) + body
        if written + len(chunk) > target:
            break
        f.write(chunk)
        written += len(chunk)
        copy += 1
print(f"{out}: {written} bytes, {copy} copies of {len(recs)} packets = {copy * len(recs)} packets")
PY

mvn -q -B -ntp -DskipTests package
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
echo "== packets -T fields -e frame.number | tail -1, -Xmx512m"
/usr/bin/time -f "wall %e s, max RSS %M KiB" "$JAVA_HOME/bin/java" -Xmx512m -jar target/tunnellens.jar \
    packets -r "$OUT" -T fields -e frame.number | tail -1
echo "== open, heap, mappings before/after close, -Xmx512m"
/usr/bin/time -f "wall %e s, max RSS %M KiB" "$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED \
    -cp "target/classes:target/test-classes:$(cat target/test-cp.txt)" org.tunnellens.fuzz.MappingReleaseCheck "$OUT"
echo "== same, default heap"
/usr/bin/time -f "wall %e s, max RSS %M KiB" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "target/classes:target/test-classes:$(cat target/test-cp.txt)" org.tunnellens.fuzz.MappingReleaseCheck "$OUT"
