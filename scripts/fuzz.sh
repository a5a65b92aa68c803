#!/usr/bin/env bash
# Fuzzes the capture reader and the dissector with Jazzer for SECONDS per target (default 120).
# Usage: scripts/fuzz.sh [SECONDS]
# A finding fails the run; Jazzer saves the input under src/test/resources/org/tunnellens/fuzz/<Test>Inputs/<method>/
# where every later `mvn test` replays it (commit it once the bug is fixed). The inputs Jazzer found interesting
# are kept in .cifuzz-corpus/ (not committed) so a second run starts where the first stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
. ./scripts/java-home.sh
SECONDS_EACH="${1:-120}"
LOG_DIR="${FUZZ_LOG_DIR:-target/fuzz-logs}"
mkdir -p "$LOG_DIR"
mvn -q -B -ntp test-compile

status=0
for target in CaptureFileFuzzTest#readDissectAnalyse FrameFuzzTest#dissectOneFrame; do
  log="$LOG_DIR/${target%%#*}.log"
  echo "== fuzzing $target for ${SECONDS_EACH}s (log: $log)"
  # Jazzer turns the tests' @Timeout(10) into libFuzzer -timeout=10 (an input taking longer is a hang, a finding);
  # JUnit must not also apply it to the whole run, which is one JUnit invocation
  if ! JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${SECONDS_EACH}s" mvn -B -ntp surefire:test \
      -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1; then
    status=1
    echo "!! $target found a problem; see $log and src/test/resources/org/tunnellens/fuzz/"
  fi
  # libFuzzer's last status line: "#<executions> DONE cov: ... exec/s: ..."
  grep -aE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true
  grep -aE 'Tests run:.*Fail' "$log" | tail -1 || true
done
exit $status
