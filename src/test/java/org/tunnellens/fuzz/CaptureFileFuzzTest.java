package org.tunnellens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Whole files: any bytes are read as a capture, every packet dissected, every field printed and the analyses run.
 * Seeds (in {@code CaptureFileFuzzTestInputs/readDissectAnalyse}) are the first packets of every corpus capture
 * and lab sample. In a normal {@code mvn test} only the seeds run; {@code JAZZER_FUZZ=1} fuzzes
 * ({@code scripts/fuzz.sh}).
 */
class CaptureFileFuzzTest {

    // a loop without progress: Jazzer turns @Timeout into libFuzzer's per-input -timeout when fuzzing
    @Timeout(10)
    @FuzzTest(maxDuration = "5m")
    void readDissectAnalyse(byte[] bytes) {
        CaptureExerciser.exercise(bytes, true);
    }
}
