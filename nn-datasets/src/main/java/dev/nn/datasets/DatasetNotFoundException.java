package dev.nn.datasets;

import java.io.IOException;

/** A data file found in none of the places looked at and not downloadable; the message lists them. */
public class DatasetNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatasetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
