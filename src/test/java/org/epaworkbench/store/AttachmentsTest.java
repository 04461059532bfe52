package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files given to the app as evidence or a project report, including ones that are not what they seem. */
class AttachmentsTest {

    @TempDir
    Path dir;

    Attachments attachments() {
        return new Attachments(DataDirectory.at(dir.resolve("data")));
    }

    @Test
    void aFileIsCopiedInOnceWhateverItIsCalledAndTheOriginalNameIsKept() throws Exception {
        Path evidence = Files.writeString(dir.resolve("witness statement.txt"), "The apprentice handled the complaint.");
        Attachments.Stored first = attachments().store("a-1", evidence);
        Attachments.Stored again = attachments().store("a-1", evidence);
        assertThat(again).isEqualTo(first);
        assertThat(Attachments.originalName(first.name())).isEqualTo("witness statement.txt");
        try (Stream<Path> files = Files.list(attachments().folder("a-1"))) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).isEqualTo(first.name()));
        }
    }

    @Test
    void missingFilesFoldersAndOversizedFilesAreRefusedNamingThem() throws Exception {
        assertThatThrownBy(() -> attachments().store("a-1", dir.resolve("gone.pdf")))
                .isInstanceOf(IOException.class).hasMessageContaining("gone.pdf").hasMessageContaining("does not exist");
        Path folder = Files.createDirectories(dir.resolve("a folder"));
        assertThatThrownBy(() -> attachments().store("a-1", folder)).isInstanceOf(IOException.class)
                .hasMessageContaining("a folder").hasMessageContaining("is a folder, not a file");
        Path huge = dir.resolve("video.mp4");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(Attachments.MAX_BYTES + 1); // sparse: costs no disk
        }
        assertThatThrownBy(() -> attachments().store("a-1", huge)).isInstanceOf(IOException.class)
                .hasMessageContaining("video.mp4").hasMessageContaining("attach files up to 200 MB");
        assertThat(attachments().folder("a-1")).doesNotExist();
    }

    @Test
    void namesCannotLeaveTheApprenticesFolder() {
        assertThatThrownBy(() -> attachments().file("a-1", "../../workbench.db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves the apprentice's folder");
        assertThat(attachments().folder("../../etc").normalize().startsWith(dir.resolve("data").resolve("attachments"))).isTrue();
        assertThat(Attachments.safe("..")).doesNotStartWith(".");
        assertThat(Attachments.safe("")).isEqualTo("file");
        assertThat(Attachments.safe("a/b\\c:d*e?.pdf")).doesNotContain("/").doesNotContain("\\").doesNotContain(":");
    }
}
