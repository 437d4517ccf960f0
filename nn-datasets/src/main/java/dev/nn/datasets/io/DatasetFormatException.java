package dev.nn.datasets.io;

import java.io.IOException;

/**
 * A data file that cannot be read as what it claims to be: the message names the file, the member
 * (for {@code .npz} archives) and the problem. Every malformed input ends in this exception.
 */
public class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String file, String member, String problem) {
        super(file + (member == null ? "" : " [" + member + "]") + ": " + problem);
    }

    public DatasetFormatException(String file, String member, String problem, Throwable cause) {
        super(file + (member == null ? "" : " [" + member + "]") + ": " + problem, cause);
    }
}
