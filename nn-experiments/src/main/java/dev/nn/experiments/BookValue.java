package dev.nn.experiments;

/**
 * A number the book reports, to be set beside this run's.
 *
 * @param metric the key of the run's metric it compares with, e.g. {@code test_accuracy}
 * @param value  the book's value
 * @param where  where the book gives it, e.g. {@code "listing 3.10 output"}
 */
public record BookValue(String metric, double value, String where) {
}
