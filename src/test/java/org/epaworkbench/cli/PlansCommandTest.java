package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epaworkbench.packs.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlansCommandTest {

    @TempDir
    Path dataDir;

    CliRunner cli() {
        return new CliRunner(dataDir);
    }

    static JsonNode json(String text) throws Exception {
        return JsonFiles.mapper().readTree(text);
    }

    @Test
    void listsTheBuiltInPlans() throws Exception {
        CliRunner.Run run = cli().run("plans", "list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("highfield-css-l3", "pal-css-l3", "vtct-css-l3", "highfield-csp-l2");
        assertThat(run.err()).isEmpty();

        JsonNode list = json(cli().run("plans", "list", "--json").out());
        assertThat(list).hasSize(4);
        assertThat(list.get(0).get("id").asText()).isEqualTo("highfield-css-l3");
        for (String field : new String[] {"id", "title", "organisation", "standard", "level", "version", "sources"}) {
            assertThat(list.get(0).has(field)).as(field).isTrue();
        }
    }

    @Test
    void showJsonUsesTheContractNames() throws Exception {
        JsonNode plan = json(cli().run("plans", "show", "pal-css-l3", "--json").out());
        assertThat(plan.get("id").asText()).isEqualTo("pal-css-l3");
        JsonNode obs = plan.get("components").get(2);
        assertThat(obs.get("id").asText()).isEqualTo("observation");
        assertThat(obs.get("timing").get("plannedMinutes").asInt()).isEqualTo(60);
        assertThat(obs.get("timing").get("tolerancePercent").asInt()).isEqualTo(10);
        assertThat(obs.get("timing").get("minMinutes").asInt()).isEqualTo(54);
        assertThat(obs.get("timing").get("maxMinutes").asInt()).isEqualTo(66);
        assertThat(obs.get("questioning").get("maxMinutes").asInt()).isEqualTo(10);
        assertThat(obs.get("questioning").get("maxPercent").asInt()).isEqualTo(15);
        assertThat(obs.get("questioning").get("percentOf").asText()).isEqualTo("maximum");
        assertThat(obs.get("questionCount").isNull()).isTrue();
        assertThat(obs.get("grading").get("distinction").get("rule").asText()).isEqualTo("all");
        JsonNode p1 = obs.get("criteria").get(0);
        for (String field : new String[] {"id", "code", "text", "level", "theme", "ksb"}) {
            assertThat(p1.has(field)).as(field).isTrue();
        }
        assertThat(plan.get("components").get(0).get("questionCount").asInt()).isEqualTo(10);
        assertThat(plan.get("components").get(0).get("questioning").isNull()).isTrue();
        assertThat(plan.get("overall").get("distinction").get("rule").asText()).isEqualTo("all");
        assertThat(plan.get("carryOver").isArray()).isTrue();
        JsonNode interviewRecording = plan.get("components").get(0).get("recording");
        assertThat(interviewRecording.get("faceToFace").get("rule").asText()).isEqualTo("required");
        assertThat(interviewRecording.get("remote").get("source").get("ref").asText()).isEqualTo("003");
        assertThat(interviewRecording.get("exemption").get("source").get("quote").asText()).contains("exempt");
        assertThat(obs.get("recording").get("faceToFace").get("rule").asText()).isEqualTo("optional");
        assertThat(obs.get("recording").get("exemption").isNull()).isTrue();

        JsonNode csp = json(cli().run("plans", "show", "highfield-csp-l2", "--json").out());
        JsonNode showcase = csp.get("components").get(0);
        assertThat(showcase.get("grading").get("distinction").get("rule").asText()).isEqualTo("atLeast");
        assertThat(showcase.get("grading").get("distinction").get("atLeast").asInt()).isEqualTo(7);
        assertThat(showcase.get("criteria").get(0).get("text").isNull()).isTrue();
        assertThat(csp.get("carryOver").get(0).get("from").asText()).isEqualTo("observation");
    }

    @Test
    void showTextSaysWhereWordingIsMissing() {
        CliRunner.Run run = cli().run("plans", "show", "highfield-csp-l2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("wording not provided in source").contains("90 min (no tolerance stated)");
    }

    @Test
    void unknownPlanExitsTwoAndListsTheInstalledOnes() {
        CliRunner.Run run = cli().run("plans", "show", "city-and-guilds");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown plan 'city-and-guilds'").contains("highfield-css-l3");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateReportsEveryProblemWithoutAStackTrace() throws Exception {
        Path bad = dataDir.resolve("bad.json");
        Files.writeString(bad, "{\"id\": \"Bad Id\"}");
        CliRunner.Run run = cli().run("plans", "validate", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad.toString()).contains("$.id").doesNotContain("\tat ");

        Path malformed = dataDir.resolve("malformed.json");
        Files.writeString(malformed, "{ \"id\": ");
        CliRunner.Run m = cli().run("plans", "validate", malformed.toString());
        assertThat(m.exitCode()).isEqualTo(2);
        assertThat(m.err()).contains("malformed.json: $.id (line 1, column 9): not valid JSON: the text ends too soon")
                .doesNotContain("Source").doesNotContain("REDACTED");
    }

    @Test
    void importInstallsAnOrganisationsPackAndRefusesClashes() throws Exception {
        ObjectNode pack;
        try (InputStream in = getClass().getResourceAsStream("/org/epaworkbench/plan/packs/highfield-csp-l2.json")) {
            pack = (ObjectNode) JsonFiles.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path builtInClash = dataDir.resolve("clash.json");
        Files.writeString(builtInClash, JsonFiles.pretty(pack));
        CliRunner.Run clash = cli().run("plans", "import", builtInClash.toString());
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("belongs to a built-in plan").contains("Nothing was imported");

        pack.put("id", "acme-csp-l2");
        pack.put("title", "Customer Service Practitioner (Acme EPAO)");
        Path mine = dataDir.resolve("acme.json");
        Files.writeString(mine, JsonFiles.pretty(pack));
        assertThat(cli().run("plans", "validate", mine.toString()).exitCode()).isZero();
        CliRunner.Run imported = cli().run("plans", "import", mine.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("Imported plan 'acme-csp-l2'");

        CliRunner.Run list = cli().run("plans", "list");
        assertThat(list.out()).contains("acme-csp-l2").contains("imported");

        assertThat(cli().run("plans", "import", mine.toString()).err()).contains("use --replace");
        assertThat(cli().run("plans", "import", "--replace", mine.toString()).exitCode()).isZero();
        assertThat(json(cli().run("plans", "show", "acme-csp-l2", "--json").out()).get("origin").asText())
                .isEqualTo("imported");
    }

    @Test
    void usageErrorsExitTwo() {
        CliRunner.Run run = cli().run("plans", "show");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter");
        assertThat(cli().run("no-such-command").exitCode()).isEqualTo(2);
    }
}
