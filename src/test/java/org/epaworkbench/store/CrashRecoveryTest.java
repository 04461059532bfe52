package org.epaworkbench.store;

import org.epaworkbench.app.RecordedSession;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionSettings;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real process that records judgements, kills it with SIGKILL mid-burst, and checks that
 * every event it acknowledged is in the database after a restart and that the database is sound.
 * Repeated 20 times, each killed after a different number of acknowledged events, so the kill lands
 * at different points of a commit.
 */
class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    @RepeatedTest(value = 20, name = "SIGKILL {currentRepetition} of {totalRepetitions}")
    void everyAcknowledgedEventSurvivesSigkill(RepetitionInfo repetition) throws Exception {
        int killAfter = 15 + repetition.getCurrentRepetition() * 11;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashDriver.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> acknowledged = new LinkedHashSet<>();
        String sessionId = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SESSION ")) {
                    sessionId = line.substring(8);
                } else if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                    if (acknowledged.size() == killAfter) {
                        p.destroyForcibly(); // SIGKILL on Linux and macOS
                        break;
                    }
                }
            }
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sessionId).isNotNull();
        assertThat(acknowledged).hasSize(killAfter);

        try (Database db = Database.open(DataDirectory.at(dataDir))) {
            try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            SessionStore store = new SessionStore(db);
            List<SessionEvent> events = store.events(sessionId);
            List<String> ids = new ArrayList<>();
            events.forEach(e -> ids.add(e.id()));
            assertThat(ids).containsAll(acknowledged);
            PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
            RecordedSession reopened = RecordedSession.open(store, plans, sessionId, SessionClock.system(),
                    SessionSettings.DEFAULT);
            assertThat(reopened.live().gapQuestion()).as("the session was running when it was killed").isPresent();
            assertThat(reopened.live().state().lastSeq()).isEqualTo(events.size());
        }
    }
}
