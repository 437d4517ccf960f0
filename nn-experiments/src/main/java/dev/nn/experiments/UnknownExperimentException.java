package dev.nn.experiments;

import java.util.List;

/** A selector that names no experiment; the message lists the ids and sections. */
public class UnknownExperimentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownExperimentException(String selector, List<String> ids, List<String> sections) {
        super("Unknown experiment '" + selector + "'. Valid: all, sections " + String.join(", ", sections)
                + ", ids " + String.join(", ", ids));
    }
}
