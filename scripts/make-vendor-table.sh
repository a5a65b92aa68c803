#!/usr/bin/env bash
# Turns the IEEE MA-L registry (Debian's ieee-data: /usr/share/ieee-data/oui.txt) into the compact vendor table the
# app ships: resources/vendors/oui-short.tsv.gz, one "OUI<TAB>ShortName" line per prefix, names shortened the way
# Wireshark shows them (PcsCompu, IntelCor). Run once when the registry changes and commit the result, so that the
# build never needs the ieee-data package.
set -euo pipefail
src=${1:-/usr/share/ieee-data/oui.txt}
out=$(dirname "$0")/../resources/vendors/oui-short.tsv.gz
python3 - "$src" <<'PY' | LC_ALL=C sort -u | gzip -9n > "$out"
import re, sys
# Business-form words say nothing about who made the card; dropping them leaves the part worth 8 characters.
GENERAL = {"the", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "gmbh",
           "ag", "sa", "s", "a", "srl", "spa", "bv", "nv", "oy", "ab", "as", "plc", "pte", "pty", "kg", "kk",
           "lp", "llp", "sas", "sarl", "sro", "ltda", "bhd", "sdn", "de", "cv", "mbh", "aps", "asa", "se",
           "systems", "system"}
# The registry renamed some prefixes after Wireshark named them; students compare with Wireshark, so keep its names.
OVERRIDES = {"080027": "PcsCompu"}
def shorten(name):
    words = re.sub(r"[\"',./:()&+]", " ", name).split()
    kept = [w for w in words if w.lower() not in GENERAL] or words
    short = "".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in kept)
    return short[:8]
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    for line in f:
        m = re.match(r"^([0-9A-F]{2})-([0-9A-F]{2})-([0-9A-F]{2})\s+\(hex\)\s+(.*\S)", line)
        if m:
            oui = m.group(1) + m.group(2) + m.group(3)
            print(oui + "\t" + OVERRIDES.get(oui, shorten(m.group(4))))
PY
echo "wrote $out ($(stat -c %s "$out") bytes, $(zcat "$out" | wc -l) prefixes)"
