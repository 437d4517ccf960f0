package dev.nn.reports;

/**
 * A link to a file of the run, shown under a section's description, e.g. a saved model.
 *
 * @param text what the reader sees (escaped when rendered)
 * @param href a relative path inside the output folder: letters, digits, {@code . _ - /}, no {@code ..}
 */
public record Link(String text, String href) {

    public Link {
        if (href == null || !href.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || href.contains("..")) {
            throw new IllegalArgumentException("Received an invalid link target, expected a relative path inside the "
                    + "report's folder. Received: href=" + href);
        }
    }
}
