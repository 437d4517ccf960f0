package dev.nn.api;

import java.util.List;

/** Thrown when a backend name matches no installed backend; the message lists the installed ones. */
public class UnknownBackendException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final List<String> available;

    public UnknownBackendException(String requested, List<String> available) {
        super("Unknown backend '" + requested + "'. Available: "
                + (available.isEmpty() ? "none (put nn-backend-java or nn-backend-nd4j on the path)"
                        : String.join(", ", available)));
        this.available = List.copyOf(available);
    }

    /** The names that would have been accepted. */
    public List<String> available() {
        return available;
    }
}
