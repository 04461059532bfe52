package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.epaworkbench.packs.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCommandTest {

    @TempDir
    Path dataDir;

    JsonNode json(String... args) throws Exception {
        CliRunner.Run run = new CliRunner(dataDir).run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JsonFiles.mapper().readTree(run.out());
    }

    @Test
    void demoMakesLabelledSampleSessionsTheSessionCommandsShow() throws Exception {
        JsonNode made = json("demo", "--json");
        assertThat(made.get("sessionIds")).hasSize(3);

        JsonNode list = json("session", "list", "--json");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("sample").asBoolean()).isTrue();
        assertThat(list.get(0).get("apprentice").get("name").asText()).contains("(sample)");

        String observation = made.get("sessionIds").get(2).asText();
        JsonNode show = json("session", "show", observation, "--json");
        assertThat(show.get("status").asText()).isEqualTo("ended");
        assertThat(show.get("componentId").asText()).isEqualTo("observation");
        assertThat(show.get("timing").get("plannedMinutes").asInt()).isEqualTo(60);
        assertThat(show.get("timing").get("state").asText()).isEqualTo("IN_WINDOW");
        assertThat(show.get("questioning").get("limitSeconds").asInt()).isEqualTo(540);
        assertThat(show.get("questioning").get("usedSeconds").asInt()).isBetween(480, 540);
        assertThat(show.get("judgements")).hasSize(23);
        assertThat(show.get("gradePreview").get("grade").asText()).isEqualTo("PASS");
        assertThat(show.get("gradePreview").get("missingForDistinction").get(0).asText()).isEqualTo("S2.8");

        JsonNode events = json("session", "events", observation, "--json");
        assertThat(events.get(0).get("type").asText()).isEqualTo("session-planned");
        assertThat(events.get(0).get("seq").asInt()).isEqualTo(1);
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("ended");

        CliRunner.Run text = new CliRunner(dataDir).run("session", "show", observation);
        assertThat(text.out()).contains("[SAMPLE DATA]").contains("Questioning:").contains("Grade preview: PASS");

        // run again, demo replaces the sample data rather than adding a second sample apprentice
        CliRunner.Run again = new CliRunner(dataDir).run("demo");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Replaced the sample data made before (3 sessions removed with it)");
        assertThat(json("session", "list", "--json")).hasSize(3);
        assertThat(json("apprentice", "list", "--json")).hasSize(1);
        JsonNode third = json("demo", "--json");
        assertThat(third.get("replaced").asBoolean()).isTrue();
        assertThat(third.get("removedSessions").asInt()).isEqualTo(3);
        assertThat(json("apprentice", "list", "--json")).singleElement()
                .satisfies(a -> assertThat(a.get("id").asText()).isEqualTo(third.get("apprenticeId").asText()));

        JsonNode removed = json("demo", "--remove", "--json");
        assertThat(removed.get("removedSessions").asInt()).isEqualTo(3);
        assertThat(json("session", "list", "--json")).isEmpty();
    }

    /** Evidence, like notes, says whether it was added after the end as an amendment. */
    @Test
    void evidenceSaysWhetherItIsAnAmendment() throws Exception {
        String observation = json("demo", "--json").get("sessionIds").get(2).asText();
        try (var ctx = org.epaworkbench.store.Database.open(org.epaworkbench.store.DataDirectory.at(dataDir))) {
            var store = new org.epaworkbench.store.SessionStore(ctx);
            var plans = org.epaworkbench.packs.PlanLibrary.load(new org.epaworkbench.packs.PlanPackReader(), null,
                    new java.util.ArrayList<>());
            var clock = new org.epaworkbench.session.ManualClock(java.time.Instant.parse("2026-11-30T09:00:00Z"));
            org.epaworkbench.app.RecordedSession.open(store, plans, observation, clock,
                    org.epaworkbench.session.SessionSettings.DEFAULT).perform(l -> l.amend("Seen in the portfolio afterwards",
                    new org.epaworkbench.session.EventBody.EvidenceReferenced("S2.8", "Portfolio item 11")));
        }
        JsonNode evidence = json("session", "show", observation, "--json").get("evidence");
        assertThat(evidence).isNotEmpty().allSatisfy(e -> assertThat(e.has("amendment")).isTrue());
        assertThat(evidence).filteredOn(e -> e.get("amendment").asBoolean()).singleElement()
                .satisfies(e -> assertThat(e.get("reference").asText()).isEqualTo("Portfolio item 11"));
    }

    @Test
    void unknownSessionExitsTwo() {
        CliRunner.Run run = new CliRunner(dataDir).run("session", "show", "no-such-id");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown session 'no-such-id'");
    }
}
