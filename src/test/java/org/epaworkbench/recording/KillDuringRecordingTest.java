package org.epaworkbench.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 while recording: the file keeps all but at most the last page (1 s, never more than 2 s) and plays. */
class KillDuringRecordingTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRecordingLosesAtMostItsLastPageAndPlaysAfterRepair() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 0; run < 3; run++) {
            Path file = dir.resolve("killed-" + run + ".opus");
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RecordingCrashDriver.class.getName(), file.toString(), String.valueOf(run))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long killAt = 2500 + run * 1700L; // a different point each run, not on a page boundary
            long lastSeen = 0;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lastSeen = Long.parseLong(line.substring(3));
                    if (lastSeen >= killAt) {
                        p.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
                        break;
                    }
                }
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(lastSeen).as("the driver ran").isGreaterThanOrEqualTo(killAt);

            try (OpusRecordingReader asLeft = OpusRecordingReader.open(file)) {
                assertThat(asLeft.endsCleanly()).isFalse();
                assertThat(lastSeen - asLeft.durationMillis()).isLessThanOrEqualTo(1000 + 20 + 7);
            }
            RecordingRepair.Result repaired = RecordingRepair.repair(file);
            assertThat(repaired.outcome()).isEqualTo(RecordingRepair.Outcome.REPAIRED);
            assertThat(lastSeen - repaired.keptMillis()).isLessThanOrEqualTo(1000 + 20 + 7);
            try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
                assertThat(reader.endsCleanly()).isTrue();
                assertThat(reader.sessionId()).isEqualTo("crash");
                assertThat(Recordings.readAll(reader.decodeFrom(0, 16_000)))
                        .hasSize((int) (reader.durationGranules() / 3));
            }
        }
    }
}
