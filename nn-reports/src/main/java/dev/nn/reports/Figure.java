package dev.nn.reports;

/** A picture of a report, rendered to {@code charts/<id>.png}: a {@link Chart} of curves or a {@link PointChart}. */
public sealed interface Figure permits Chart, PointChart {

    /** File name stem: letters, digits, {@code -} and {@code _}. */
    String id();

    String title();

    /** The image's alternative text: what the figure shows, in words. */
    String alt();

    /** Checks a figure id. */
    static String checkId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "Received an invalid chart id, expected letters, digits, - and _. Received: id=" + id);
        }
        return id;
    }
}
