package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.assessment.SubmittedReport;
import org.epaworkbench.documents.ProjectText;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway, portfolio and project kept for an apprentice through the application layer (issue 14), as the apprentice screen uses them. */
class EpaDetailsTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    Database db;
    Services services;
    EpaDetails details;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir.resolve("data")));
        services = new Services(DataDirectory.at(dir.resolve("data")), db, () -> {
            throw new AssertionError("plans are not needed here");
        }, clock, ZoneOffset.UTC);
        services.people().save(new Apprentice("a-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co",
                "highfield-css-l3", LocalDate.of(2025, 1, 6), null, false));
        details = services.epaDetails();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAttachedProjectIsCountedKeptAndRecorded() throws Exception {
        Path source = Files.writeString(dir.resolve("project.txt"), "My project\none two three four\n\nAppendix A\nfive six\n");
        SubmittedReport project = details.attachProject("a-1", source);
        assertThat(project.fileName()).isEqualTo("project.txt");
        assertThat(project.words().total()).isEqualTo(10);
        assertThat(project.words().excludingAnnexes()).isLessThan(project.words().total());
        assertThat(details.attachedFile("a-1", project.attachment())).hasSameTextualContentAs(source);
        assertThat(EpaDetails.originalName(project.attachment())).isEqualTo("project.txt");
        assertThat(services.epa().report("a-1")).hasValue(project);
    }

    @Test
    void aProjectThatCannotBeReadIsRefusedAndNothingIsKept() throws Exception {
        Path image = Files.write(dir.resolve("scan.pdf"), new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> details.attachProject("a-1", image)).isInstanceOf(ProjectText.Unreadable.class)
                .hasMessageContaining("scan.pdf");
        assertThat(services.epa().report("a-1")).isEmpty();
        assertThat(details.attachmentsFolder("a-1")).satisfiesAnyOf(
                folder -> assertThat(folder).doesNotExist(),
                folder -> assertThat(folder).isEmptyDirectory());
    }

    @Test
    void aPieceSavedWithAFileKeepsACopyAndOneWithoutStaysReferenced() throws Exception {
        Path evidence = Files.writeString(dir.resolve("witness statement.txt"), "statement");
        PortfolioPiece attached = details.savePiece("a-1", new PortfolioPiece(null, 1, "Witness statement", "statement",
                LocalDate.of(2026, 3, 1), "", "", Set.of()), Optional.of(evidence));
        PortfolioPiece referenced = details.savePiece("a-1", new PortfolioPiece(null, 2, "Logbook", "log",
                LocalDate.of(2026, 3, 2), "Employer's drive", "", Set.of()), Optional.empty());
        assertThat(details.attachedFile("a-1", attached.attachment())).hasContent("statement");
        assertThat(referenced.attachment()).isEmpty();
        assertThat(details.portfolio("a-1")).extracting(PortfolioPiece::title).containsExactly("Witness statement", "Logbook");
        details.removePiece(referenced.id());
        assertThat(details.portfolio("a-1")).extracting(PortfolioPiece::title).containsExactly("Witness statement");
    }

    @Test
    void whereTheProjectEvidencesACriterionIsKept() throws Exception {
        details.saveProjectMapping("a-1", "c-1", "Section 3, p. 6");
        assertThat(details.projectMapping("a-1")).containsEntry("c-1", "Section 3, p. 6");
    }
}
