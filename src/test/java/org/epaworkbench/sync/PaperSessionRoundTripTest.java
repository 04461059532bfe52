package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 11: a session recorded on paper is entered with {@code session enter --from FILE.json}, checked by the same
 * rules as a live one, signed with {@code report}, exported and imported into a fresh folder, marked "entered from paper"
 * all the way.
 */
class PaperSessionRoundTripTest {

    @TempDir
    Path dir;

    static final String PAPER = """
            {
              "apprentice": "9276308686",
              "component": "observation",
              "attempt": "first",
              "mode": "face_to_face",
              "location": "Customer service desk, Leeds store",
              "idDocumentSeen": "Passport",
              "reasonOnPaper": "Laptop battery failed on arrival; recorded on the paper observation form",
              "timeZone": "Europe/London",
              "date": "2026-11-20",
              "start": "09:30",
              "pauses": [{"from": "10:05", "until": "10:12", "reason": "Fire alarm test"}],
              "questioning": [{"from": "10:20", "until": "10:28"}],
              "end": "10:38",
              "judgements": [
                {"criterion": "S2.3", "state": "met", "at": "09:50"},
                {"criterion": "K3.3", "state": "not_arisen", "at": "10:30"}
              ],
              "notes": [
                {"criterion": "S2.3", "text": "Summarised the customer's needs before offering options", "at": "09:51"},
                {"text": "Apprentice moved to the returns desk at 10:15", "at": "10:15"}
              ],
              "evidence": [{"criterion": "S2.3", "reference": "paper form, page 2", "at": "09:52"}]
            }
            """;

    /** A laptop's data folder with the assessor and one apprentice on the Highfield Specialist plan. */
    Path laptop() throws Exception {
        Path laptop = dir.resolve("laptop");
        try (SyncFixture f = new SyncFixture(laptop)) {
            f.people.saveAssessor(new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
            f.people.save(new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                    "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false));
        }
        return laptop;
    }

    @Test
    void enterReportExportAndImportIntoAFreshFolderRoundTrips() throws Exception {
        Path laptop = laptop();
        Path paper = dir.resolve("paper.json");
        Files.writeString(paper, PAPER);
        CliRunner device = new CliRunner(laptop).withKeystorePassword(new String(SyncFixture.PASSWORD));

        CliRunner.Run entered = device.run("session", "enter", "--from", paper.toString(), "--json");
        assertThat(entered.exitCode()).as(entered.err()).isZero();
        String id = JsonFiles.mapper().readTree(entered.out()).get("id").asText();

        JsonNode shown = JsonFiles.mapper().readTree(device.run("session", "show", id, "--json").out());
        assertThat(shown.get("enteredFromPaper").get("reason").asText()).startsWith("Laptop battery failed");
        assertThat(shown.get("status").asText()).isEqualTo("ended");
        // 09:30 to 10:38 less the 7-minute pause: 61 minutes, inside 54-66; questioning 8 of 9 minutes
        assertThat(shown.get("timing").get("elapsed").asText()).isEqualTo("61:00");
        assertThat(shown.get("questioning").get("used").asText()).isEqualTo("8:00");
        assertThat(shown.get("pauses")).singleElement().satisfies(p -> {
            assertThat(p.get("reason").asText()).isEqualTo("Fire alarm test");
            assertThat(p.get("from").asText()).isEqualTo("2026-11-20T10:05:00Z");
        });
        assertThat(shown.get("judgements")).anySatisfy(j -> {
            assertThat(j.get("code").asText()).isEqualTo("S2.3");
            assertThat(j.get("state").asText()).isEqualTo("met");
            assertThat(j.get("sessionTime").asText()).isEqualTo("20:00");
        });
        assertThat(device.run("session", "show", id).out()).contains("ENTERED FROM PAPER");
        List<String> types = JsonFiles.mapper().readTree(device.run("session", "events", id, "--json").out()).findValuesAsText("type");
        assertThat(types).startsWith("session-planned", "entered-from-paper", "started").endsWith("ended");

        Path pdf = dir.resolve("record.pdf");
        CliRunner.Run report = device.run("report", "--session", id, "--out", pdf.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("ENTERED FROM PAPER").contains("Laptop battery failed on arrival")
                    .contains("Entered from paper on");
        }
        assertThat(device.run("verify", pdf.toString()).exitCode()).isZero();

        CliRunner.Run export = device.run("export", "--out", dir.resolve("usb").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path pkg = SyncCommandsTest.onlyPackage(dir.resolve("usb"));
        try (ZipFile zip = new ZipFile(pkg.toFile())) {
            JsonNode session = JsonFiles.mapper().readTree(zip.getInputStream(zip.getEntry("records/sessions/" + id + ".json")));
            assertThat(session.get("enteredFromPaper").get("reason").asText()).startsWith("Laptop battery failed");
        }

        CliRunner office = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK);
        assertThat(office.run("import", pkg.toString()).err()).as("an unknown signer is refused").contains("UNTRUSTED");
        CliRunner.Run registered = office.run("signers", "add", laptop.resolve("keys").resolve("assessor.pem").toString());
        assertThat(registered.exitCode()).as(registered.err()).isZero();
        CliRunner.Run imported = office.run("import", pkg.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        JsonNode there = JsonFiles.mapper().readTree(office.run("session", "show", id, "--json").out());
        assertThat(there.get("enteredFromPaper")).isEqualTo(shown.get("enteredFromPaper"));
        assertThat(there.get("judgements")).isEqualTo(shown.get("judgements"));
        assertThat(there.get("timing").get("elapsed").asText()).isEqualTo("61:00");
        assertThat(office.run("session", "events", id, "--json").out())
                .isEqualTo(device.run("session", "events", id, "--json").out());
        assertThat(office.run("session", "verify").exitCode()).isZero();
    }

    /** The same rules as a live session: ending outside the window needs a reason, and nothing is stored without it. */
    @Test
    void aPaperSessionBreakingASessionRuleIsRefusedWhereItIsWrittenAndNothingIsStored() throws Exception {
        Path laptop = laptop();
        Path paper = dir.resolve("short.json");
        Files.writeString(paper, PAPER.replace("\"end\": \"10:38\"", "\"end\": \"10:30\""));
        CliRunner device = new CliRunner(laptop);
        CliRunner.Run run = device.run("session", "enter", "--from", paper.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("short.json: end: Ending at 53:00 is before the minimum of 54:00").contains("Give a reason.")
                .contains("Nothing was entered.");
        assertThat(JsonFiles.mapper().readTree(device.run("session", "list", "--json").out())).isEmpty();

        Files.writeString(paper, PAPER.replace("\"end\": \"10:38\"", "\"end\": \"10:30\", \"endReason\": \"Apprentice unwell\""));
        assertThat(device.run("session", "enter", "--from", paper.toString()).exitCode()).isZero();

        Files.writeString(paper, PAPER.replace("\"S2.3\", \"state\": \"met\", \"at\": \"09:50\"", "\"S9.9\", \"state\": \"met\", \"at\": \"09:50\""));
        assertThat(device.run("session", "enter", "--from", paper.toString()).err())
                .contains("$.judgements[0]: There is no criterion 'S9.9' in the practical observation");
        Files.writeString(paper, PAPER.replace("\"from\": \"10:20\", \"until\": \"10:28\"", "\"from\": \"10:06\", \"until\": \"10:28\""));
        assertThat(device.run("session", "enter", "--from", paper.toString()).err())
                .contains("$.questioning[0].from: Resume the session before starting questioning.");
        Files.writeString(paper, PAPER.replace("\"at\": \"10:30\"", "\"at\": \"10:45\""));
        assertThat(device.run("session", "enter", "--from", paper.toString()).err())
                .contains("$.judgements[1].at: The time (10:45) is after the session ended (10:38).");
        assertThat(JsonFiles.mapper().readTree(device.run("session", "list", "--json").out())).hasSize(1);
    }
}
