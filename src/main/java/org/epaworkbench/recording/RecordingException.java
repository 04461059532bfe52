package org.epaworkbench.recording;

import java.io.IOException;

/** A recording that cannot be read or written, with a message in the assessor's words naming the file. */
public final class RecordingException extends IOException {
    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
