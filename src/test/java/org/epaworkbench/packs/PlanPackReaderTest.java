package org.epaworkbench.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and invalid plan packs are refused with the file, the JSON path and what was expected. */
class PlanPackReaderTest {

    final PlanPackReader reader = new PlanPackReader();

    static ObjectNode practitionerPack() throws IOException {
        try (InputStream in = PlanPackReaderTest.class.getResourceAsStream("/org/epaworkbench/plan/packs/highfield-csp-l2.json")) {
            return (ObjectNode) JsonFiles.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    PlanPackException refused(Consumer<ObjectNode> change) throws IOException {
        ObjectNode pack = practitionerPack();
        change.accept(pack);
        return org.junit.jupiter.api.Assertions.assertThrows(PlanPackException.class,
                () -> reader.read("my-pack.json", JsonFiles.pretty(pack)));
    }

    static ObjectNode component(ObjectNode pack, int i) {
        return (ObjectNode) pack.get("components").get(i);
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        assertThatThrownBy(() -> reader.read("broken.json", "{\n  \"id\": \"x\",\n  oops\n}"))
                .isInstanceOf(PlanPackException.class)
                .hasMessageStartingWith("broken.json: $.id (line 3, column")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> reader.read("empty.json", "")).hasMessageContaining("empty.json: $: the file is empty");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> reader.read("dup.json", "{\"id\": \"a\", \"id\": \"b\"}"))
                .hasMessageContaining("dup.json: $.id (line 1, column 17): not valid JSON: duplicate field 'id'");
    }

    @Test
    void schemaViolationsNameThePath() throws IOException {
        PlanPackException e = refused(p -> ((ObjectNode) component(p, 1).get("criteria").get(0)).put("level", "merit"));
        assertThat(e.problems()).anySatisfy(pr -> assertThat(pr.path()).isEqualTo("$.components[1].criteria[0].level"));
        assertThat(e.getMessage()).startsWith("my-pack.json: $.components[1].criteria[0].level");

        PlanPackException missing = refused(p -> p.remove("components"));
        assertThat(missing.getMessage()).contains("components");

        PlanPackException negative = refused(p -> ((ObjectNode) component(p, 0).get("timing")).put("plannedMinutes", -5));
        assertThat(negative.problems()).anySatisfy(pr -> assertThat(pr.path()).isEqualTo("$.components[0].timing.plannedMinutes"));
    }

    @Test
    void unknownFieldsAreRefused() throws IOException {
        PlanPackException e = refused(p -> p.put("colour", "blue"));
        assertThat(e.getMessage()).contains("colour");
    }

    @Test
    void duplicateComponentAndCriterionIdsAreRefused() throws IOException {
        PlanPackException e = refused(p -> component(p, 1).put("id", "showcase"));
        assertThat(e.getMessage()).contains("$.components[1].id: component id 'showcase' is used twice");

        PlanPackException c = refused(p -> ((ObjectNode) component(p, 0).get("criteria").get(2)).put("id", "D1"));
        assertThat(c.getMessage()).contains("$.components[0].criteria[2].id: criterion id 'D1' is used twice");
    }

    @Test
    void citationsMustNameAListedSource() throws IOException {
        PlanPackException e = refused(p -> ((ObjectNode) p.get("overall").get("source")).put("ref", "999"));
        assertThat(e.getMessage()).contains("$.overall.source.ref: cites source '999'");
    }

    @Test
    void recordingRulesAreCheckedAndAbsentMeansOptional() throws Exception {
        PlanPackException bad = refused(p -> ((ObjectNode) component(p, 0).get("recording").get("remote")).put("rule", "always"));
        assertThat(bad.getMessage()).contains("$.components[0].recording.remote.rule");
        PlanPackException cites = refused(p -> ((ObjectNode) component(p, 0).get("recording").get("faceToFace").get("source"))
                .put("ref", "999"));
        assertThat(cites.getMessage()).contains("$.components[0].recording.faceToFace.source.ref: cites source '999'");
        PlanPackException exemption = refused(p -> ((ObjectNode) component(p, 0).get("recording")).putObject("exemption")
                .putObject("source").put("ref", "001").put("section", "x"));
        assertThat(exemption.getMessage()).contains("$.components[0].recording.exemption: says how an exemption is agreed, "
                + "but neither faceToFace nor remote is 'required'");

        ObjectNode pack = practitionerPack();
        ((ObjectNode) component(pack, 0).get("recording").get("remote")).put("rule", "required");
        component(pack, 1).remove("recording");
        ((ObjectNode) component(pack, 2).get("recording").get("faceToFace")).put("rule", "notUsed");
        var plan = reader.read("my-pack.json", JsonFiles.pretty(pack));
        var showcase = plan.components().get(0).recording();
        assertThat(showcase.when(true).required()).isTrue();
        assertThat(showcase.when(false).requirement()).isEqualTo(org.epaworkbench.plan.RecordingRule.Requirement.OPTIONAL);
        assertThat(plan.components().get(1).recording()).isEqualTo(org.epaworkbench.plan.RecordingRule.UNSTATED);
        assertThat(plan.components().get(2).recording().faceToFace().requirement())
                .isEqualTo(org.epaworkbench.plan.RecordingRule.Requirement.NOT_USED);
    }

    @Test
    void timingMustAgreeWithItsTolerance() throws IOException {
        PlanPackException e = refused(p -> {
            ObjectNode t = (ObjectNode) component(p, 1).get("timing");
            t.put("tolerancePercent", 10);
            t.put("minMinutes", 80);
            t.put("maxMinutes", 100);
        });
        assertThat(e.getMessage()).contains("$.components[1].timing.minMinutes: is 80 but 90 minutes -10% is 81")
                .contains("$.components[1].timing.maxMinutes: is 100 but 90 minutes +10% is 99");
    }

    @Test
    void aThresholdCannotAskForMoreCriteriaThanExist() throws IOException {
        PlanPackException e = refused(p -> ((ObjectNode) component(p, 2).get("grading").get("distinction")).put("atLeast", 5));
        assertThat(e.getMessage()).contains("asks for at least 5 distinction criteria but the component has 4");
    }

    @Test
    void carryOverMustNameComponentsOfThePlan() throws IOException {
        PlanPackException e = refused(p -> ((ObjectNode) p.get("carryOver").get(0)).put("to", "interview"));
        assertThat(e.getMessage()).contains("$.carryOver[0].to: no component 'interview'");
    }

    @Test
    void aPercentageOfTheMaximumNeedsAMaximum() throws IOException {
        PlanPackException e = refused(p -> {
            ObjectNode q = component(p, 1).putObject("questioning");
            q.put("maxMinutes", (String) null);
            q.put("maxPercent", 15);
            q.put("percentOf", "maximum");
            q.set("source", p.get("overall").get("source"));
        });
        assertThat(e.getMessage()).contains("$.components[1].questioning.percentOf: is 'maximum' but the component's timing has no maximum");
    }

    @Test
    void aCompleteOrganisationPackReads(@TempDir Path dir) throws Exception {
        ObjectNode pack = practitionerPack();
        pack.put("id", "acme-csp-l2");
        for (JsonNode c : pack.get("components")) {
            // the organisation's own pass criteria replace the one that stands for all of them
            ArrayNode criteria = (ArrayNode) c.get("criteria");
            assertThat(criteria.get(0).get("id").asText()).isEqualTo("pass-all");
            criteria.remove(0);
            for (JsonNode cr : c.get("criteria")) {
                ((ObjectNode) cr).put("text", "Organisation wording for " + cr.get("id").asText());
            }
            ObjectNode pass = ((ArrayNode) c.get("criteria")).insertObject(0);
            pass.put("id", "P1").put("code", "P1").put("text", "A pass criterion").put("level", "pass").put("theme", "T");
            pass.putArray("ksb");
            pass.set("source", c.get("grading").get("source"));
        }
        Path file = dir.resolve("acme.json");
        Files.writeString(file, JsonFiles.pretty(pack));
        var plan = reader.read(file);
        assertThat(plan.id()).isEqualTo("acme-csp-l2");
        assertThat(plan.allWordingProvided()).isTrue();
        assertThat(plan.component("showcase").orElseThrow().passCriteria()).hasSize(1);
    }

    @Test
    void missingFoldersAndOversizedFilesAreRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.json"))).hasMessageEndingWith("nope.json: $: no such file");
        assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("is a folder");
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) PlanPackReader.MAX_PACK_BYTES + 1]);
        assertThatThrownBy(() -> reader.read(big)).hasMessageContaining("a plan pack may be at most");
        Path latin = dir.resolve("latin.json");
        Files.write(latin, new byte[] {'{', (byte) 0xE9, '}'});
        assertThatThrownBy(() -> reader.read(latin)).hasMessageContaining("is not UTF-8 text");
    }
}
