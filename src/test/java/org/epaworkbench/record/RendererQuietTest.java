package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Signing a record from the command line ({@code report}) printed the PDF renderer's progress notes after the
 * command's answer ("com.openhtmltopdf.general INFO:: Using fast-mode renderer. Prepare to fly."): the renderer
 * keeps its warnings and errors, and says nothing while all is well.
 */
class RendererQuietTest {

    @Test
    void theRendererLogsOnlyWarningsAndErrors() throws Exception {
        byte[] pdf = new PdfRenderer().render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>"
                + "body { font-family: 'DejaVu Sans'; }</style></head><body><p>A record.</p></body></html>");
        assertThat(pdf).isNotEmpty();
        for (String name : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            Logger logger = Logger.getLogger(name);
            assertThat(logger.isLoggable(Level.INFO)).as(name + " at INFO").isFalse();
            assertThat(logger.isLoggable(Level.WARNING)).as(name + " at WARNING").isTrue();
        }
    }
}
