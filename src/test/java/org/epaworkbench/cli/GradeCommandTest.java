package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {

    @TempDir
    Path dir;

    CliRunner.Run grade(String plan, String input, String... more) throws Exception {
        Path file = dir.resolve("input.json");
        Files.writeString(file, input);
        String[] args = new String[4 + more.length + 1];
        args[0] = "grade";
        args[1] = "--plan";
        args[2] = plan;
        args[3] = "--input";
        args[4] = file.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return new CliRunner(dir.resolve("data")).run(args);
    }

    /** Judgements JSON with every criterion of every component met, one criterion given another state. */
    static String allMet(String planId, String componentId, String criterionId, String state, String attempt) {
        AssessmentPlan plan = PlanLibrary.builtInPlans(new PlanPackReader()).stream()
                .filter(p -> p.id().equals(planId)).findFirst().orElseThrow();
        StringBuilder s = new StringBuilder("{\"components\": {");
        boolean firstComponent = true;
        for (Component c : plan.components()) {
            if (!firstComponent) {
                s.append(',');
            }
            firstComponent = false;
            s.append('"').append(c.id()).append("\": {\"attempt\": \"")
                    .append(c.id().equals(componentId) ? attempt : "first").append("\", \"criteria\": {");
            boolean first = true;
            for (Criterion cr : c.criteria()) {
                if (!first) {
                    s.append(',');
                }
                first = false;
                String st = c.id().equals(componentId) && cr.id().equals(criterionId) ? state : "met";
                s.append('"').append(cr.id()).append("\": \"").append(st).append('"');
            }
            s.append("}}");
        }
        return s.append("}}").toString();
    }

    @Test
    void gradesEveryComponentAndTheOverallResultAsJson() throws Exception {
        CliRunner.Run run = grade("highfield-css-l3", allMet("highfield-css-l3", "observation", "S2.8", "not_met", "first"), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JsonFiles.mapper().readTree(run.out());
        JsonNode obs = r.get("components").get("observation");
        assertThat(obs.get("grade").asText()).isEqualTo("PASS");
        assertThat(obs.get("passMet").asInt()).isEqualTo(21);
        assertThat(obs.get("passTotal").asInt()).isEqualTo(21);
        assertThat(obs.get("distinctionMet").asInt()).isEqualTo(1);
        assertThat(obs.get("distinctionTotal").asInt()).isEqualTo(2);
        assertThat(obs.get("capped").asBoolean()).isFalse();
        assertThat(obs.get("missingForPass")).isEmpty();
        assertThat(obs.get("missingForDistinction").get(0).asText()).isEqualTo("S2.8");
        assertThat(r.get("components").get("wbp-interview").get("grade").asText()).isEqualTo("DISTINCTION");
        assertThat(r.get("overall").asText()).isEqualTo("PASS");
    }

    @Test
    void resitCapIsReported() throws Exception {
        JsonNode r = JsonFiles.mapper().readTree(grade("highfield-css-l3",
                allMet("highfield-css-l3", "observation", "S2.8", "met", "resit"), "--json").out());
        JsonNode obs = r.get("components").get("observation");
        assertThat(obs.get("grade").asText()).isEqualTo("PASS");
        assertThat(obs.get("capped").asBoolean()).isTrue();
        assertThat(r.get("overall").asText()).isEqualTo("PASS");
        assertThat(r.get("overallDetail").get("capped").asBoolean()).isTrue();
    }

    @Test
    void carryOverInThePractitionerPlan() throws Exception {
        String input = """
                {"components": {
                  "observation": {"attempt": "first",
                                  "criteria": {"pass-all": "met", "D1": "met", "D2": "met", "D3": "met", "D4": "not_arisen"}},
                  "professional-discussion": {"attempt": "first",
                                              "criteria": {"pass-all": "met", "D1": "met", "D2": "met", "D3": "met"},
                                              "carriedOver": {"observation": {"D4": "met"}}},
                  "showcase": {"attempt": "first",
                               "criteria": {"pass-all": "met", "D1": "met", "D2": "met", "D3": "met", "D4": "met", "D5": "met",
                                            "D6": "met", "D7": "met"}}
                }}""";
        JsonNode r = JsonFiles.mapper().readTree(grade("highfield-csp-l2", input, "--json").out());
        assertThat(r.get("components").get("observation").get("grade").asText()).isEqualTo("DISTINCTION");
        assertThat(r.get("components").get("observation").get("carriedOver").get(0).get("judgedIn").asText())
                .isEqualTo("professional-discussion");
        assertThat(r.get("overall").asText()).isEqualTo("DISTINCTION");
    }

    /** 001 gives no pass criteria's wording, but a pass still needs them: nothing judged is a fail, not a pass. */
    @Test
    void thePractitionerPlanGivesNoPassWithoutEvidence() throws Exception {
        String input = """
                {"components": {
                  "showcase": {"attempt": "first", "criteria": {}},
                  "observation": {"attempt": "first", "criteria": {"D1": "met", "D2": "met", "D3": "met", "D4": "met"}}
                }}""";
        CliRunner.Run run = grade("highfield-csp-l2", input, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JsonFiles.mapper().readTree(run.out());
        JsonNode showcase = r.get("components").get("showcase");
        assertThat(showcase.get("grade").asText()).isEqualTo("FAIL");
        assertThat(showcase.get("passTotal").asInt()).isEqualTo(1);
        assertThat(showcase.get("missingForPass").get(0).asText()).isEqualTo("pass-all");
        assertThat(r.get("components").get("observation").get("grade").asText()).isEqualTo("FAIL");
        assertThat(r.get("overall").asText()).isEqualTo("FAIL");
    }

    @Test
    void textOutputExplainsTheGrade() throws Exception {
        CliRunner.Run run = grade("highfield-css-l3", allMet("highfield-css-l3", "observation", "K3.3", "not_arisen", "first"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("observation").contains("FAIL").contains("missing for pass:        K3.3")
                .contains("Overall: FAIL");
    }

    @Test
    void badInputExitsTwoNamingFilePathAndExpectation() throws Exception {
        assertBad(grade("nope", "{}"), "unknown plan 'nope'");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"obs\": {\"attempt\": \"first\"}}}"),
                "$.components.obs: unknown component 'obs'", "expected one of wbp-interview, professional-discussion, observation");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"attempt\": \"first\", \"criteria\": {\"Z1\": \"met\"}}}}"),
                "input.json: $.components.observation.criteria.Z1: unknown criterion 'Z1'");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"attempt\": \"first\", \"criteria\": {\"K3.3\": \"yes\"}}}}"),
                "$.components.observation.criteria['K3.3']: expected one of met, not_met, not_arisen; found \"yes\"");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"attempt\": \"second\"}}}"),
                "$.components.observation.attempt: expected one of first, resit, retake");
        assertBad(grade("highfield-css-l3", "{\"components\": [] }"), "$.components: expected an object");
        assertBad(grade("highfield-css-l3", "{\"component\": {}}"), "$.component: unknown field; expected one of components");
        assertBad(grade("highfield-css-l3", "{\"components\": {"), "input.json: $.components (line 1, column 17): not valid JSON");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"attempt\": \"first\", \"criteria\": {}, \"extra\": 1}}}"),
                "$.components.observation.extra: unknown field");
    }

    /**
     * Malformed JSON is refused naming the file, the JSON path reached and what was expected, in plain
     * words: none of Jackson's "[Source: REDACTED ...]" or feature names.
     */
    @Test
    void malformedJsonNamesThePathInPlainWords() throws Exception {
        CliRunner.Run truncated = grade("highfield-css-l3", "{\"components\": {");
        assertBad(truncated, "input.json: $.components (line 1, column 17): not valid JSON: "
                + "the text ends before an object is closed with '}' (it was opened at line 1, column 16)");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"attempt\": \"first\",\n"
                        + "  \"criteria\": {\"K3.3\": \"met\""),
                "input.json: $.components.observation.criteria['K3.3'] (line 2", "ends before an object is closed");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"criteria\": {\"K3.3\": met}}}}"),
                "input.json: $.components.observation.criteria['K3.3'] (line 1, column 54): not valid JSON: "
                        + "unrecognized token 'met'; expected a value: a string in double quotes");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"attempt\": \"first\",}}}"),
                "input.json: $.components.observation", "not valid JSON: unexpected '}': expected a field name in double quotes "
                        + "(a comma before '}' is not allowed)");
        assertBad(grade("highfield-css-l3", "{\"components\": {}} {}"),
                "input.json: $ (line 1", "more follows after the end of the JSON value");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"attempt\": \"fir"),
                "input.json: $.components.observation.attempt (line 1", "the text ends inside a string");
        for (String input : new String[] {"{\"components\": {", "{\"a\": [1, 2", "{\"components\": {}} {}", "[1,]", "{\"a\" 1}"}) {
            CliRunner.Run run = grade("highfield-css-l3", input);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).as(input).contains("input.json: $").contains("not valid JSON")
                    .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("code ")
                    .doesNotContain("Feature").doesNotContain("`").doesNotContain("JsonNode");
        }
    }

    /** A component without its attempt is refused, never taken as a first attempt (a resit may be capped). */
    @Test
    void theAttemptIsRequired() throws Exception {
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"criteria\": {\"K3.3\": \"met\"}}}}"),
                "input.json: $.components.observation.attempt: missing", "one of first, resit, retake");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"observation\": {\"attempt\": null}}}"),
                "input.json: $.components.observation.attempt: expected one of first, resit, retake; found null");
        assertBad(grade("highfield-css-l3", "{\"components\": {\"professional-discussion\": {\"attempt\": 2}}}"),
                "input.json: $.components.professional-discussion.attempt: expected one of first, resit, retake; found number 2");
    }

    @Test
    void missingInputFileExitsTwo() {
        CliRunner.Run run = new CliRunner(dir).run("grade", "--plan", "highfield-css-l3", "--input", dir.resolve("none.json").toString());
        assertBad(run, "none.json: no such file");
    }

    static void assertBad(CliRunner.Run run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(fragments).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
