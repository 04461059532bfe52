package org.epaworkbench.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project reports as they arrive: sometimes damaged, truncated or not what their name says. */
class DamagedReportsTest {

    @TempDir
    Path dir;

    /**
     * Thousands of damaged reports: random bytes and truncated or flipped real files under each
     * name the app reads. Every one is read or refused with a message naming the file; nothing else
     * escapes.
     */
    @Test
    void damagedReportsAreReadOrRefusedNeverCrash() throws Exception {
        Path pdf = dir.resolve("real.pdf");
        ProjectTextTest.writePdf(pdf, null, "My project report", "Section one text");
        byte[] realPdf = Files.readAllBytes(pdf);
        Random random = new Random(20261201);
        String[] names = {"report.pdf", "report.docx", "report.txt", "report"};
        for (int i = 0; i < 1500; i++) {
            String name = names[i % names.length];
            byte[] bytes;
            if (i % 3 == 0) {
                bytes = new byte[random.nextInt(4096)];
                random.nextBytes(bytes);
                if (name.endsWith(".docx") && bytes.length > 4) {
                    bytes[0] = 'P';
                    bytes[1] = 'K';
                    bytes[2] = 3;
                    bytes[3] = 4;
                }
            } else {
                bytes = java.util.Arrays.copyOf(realPdf, i % 3 == 1 ? random.nextInt(realPdf.length) : realPdf.length);
                for (int flips = 0; flips < 4 && bytes.length > 0; flips++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            Path f = dir.resolve("fuzz").resolve(i + "-" + name);
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
            try {
                ProjectText.extract(f);
            } catch (ProjectText.Unreadable refused) {
                assertThat(refused.getMessage()).as("case %d", i).contains(f.getFileName().toString());
            }
        }
    }
}
