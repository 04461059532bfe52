package org.epaworkbench.record;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.epaworkbench.AppInfo;

/**
 * Turns the records' XHTML into PDF with openhtmltopdf on PDFBox: DejaVu Sans embedded (subset),
 * text kept as text.
 */
public final class PdfRenderer {

    static {
        // the renderer's progress notes ("Using fast-mode renderer. Prepare to fly.") went to the console of every
        // command that signs a record, after its own answer; its warnings and errors still do
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private final byte[] regular;
    private final byte[] bold;

    public PdfRenderer() {
        this.regular = font("DejaVuSans.ttf");
        this.bold = font("DejaVuSans-Bold.ttf");
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/org/epaworkbench/record/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report font missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(String xhtml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer(AppInfo.NAME + " " + AppInfo.version());
        builder.useFont(() -> new ByteArrayInputStream(regular), "DejaVu Sans", 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }
}
