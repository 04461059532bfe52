package org.epaworkbench.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.SessionRecording;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.ui.StartupProbe;

/**
 * Child JVM for the kill figure (issue 16): the app's own recording path over a data folder, a PAL professional
 * discussion started, the apprentice's consent recorded, and {@link SessionRecording} recording it from the
 * demonstration microphone ({@code -Depaworkbench.demoMicrophone=FILE.wav}: a WAV file paced in real time, as a
 * microphone gives sound). It prints {@code EPA-BENCH at POSITION_MS} every 10 ms: the audio captured so far (what
 * the session maps an event to). The benchmark kills it with {@code kill -9};
 * or, for the baseline, writes {@code stop} on its standard input, and it stops the recording as the Stop button does
 * and prints {@code EPA-BENCH stopped POSITION_MS}.
 *
 * <p>Arguments: the data folder, a number for this run's apprentice.
 */
public final class RecordingKillProbe {

    private RecordingKillProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Workbench wb = Fixtures.open(data);
        Fixtures.assessor(wb);
        Fixtures.PlanComponent pc = RecordingBench.recordedComponent();
        Apprentice a = Fixtures.apprentice(wb, 1000 + n, pc.plan().id());
        RecordedSession s = Fixtures.plan(wb, a, pc, wb.sessionClock());
        s.perform(l -> l.start());
        SessionRecording recording = wb.sessionRecording();
        recording.consent(s, a.name(), SessionRecording.consentWording(pc.component()));
        recording.start(s, SessionRecording.Watcher.NONE);
        StartupProbe.mark("session " + s.id());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            StartupProbe.mark("at " + recording.positionMillis(s.id()));
            if (in.ready() && "stop".equals(in.readLine())) {
                recording.stop(s);
                long at = s.live().state().recordings().get(0).durationMillis();
                StartupProbe.mark("stopped " + at);
                wb.close();
                System.exit(0);
            }
            Thread.sleep(10);
        }
    }
}
