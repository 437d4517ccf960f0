package dev.nn.keras;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code .keras} file that cannot be loaded: malformed, truncated or corrupted, or using a part of Keras this
 * project does not implement. The message names the file, the member or layer, and what is supported.
 */
public class KerasFormatException extends IOException {

    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public KerasFormatException(Path file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
        this.file = file;
    }

    public KerasFormatException(Path file, String where, String problem, Throwable cause) {
        super(file + ": " + where + ": " + problem, cause);
        this.file = file;
    }

    /** The file that was refused. */
    public Path file() {
        return file;
    }
}
