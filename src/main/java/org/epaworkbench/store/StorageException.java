package org.epaworkbench.store;

/** The local database or data folder cannot be used; the message says why and what to do. */
public class StorageException extends Exception {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
