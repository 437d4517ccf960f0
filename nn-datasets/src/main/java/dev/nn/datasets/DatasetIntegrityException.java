package dev.nn.datasets;

import java.io.IOException;

/** A data file whose hash differs from the one Keras publishes: it is never used. */
public class DatasetIntegrityException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatasetIntegrityException(String message) {
        super(message);
    }
}
