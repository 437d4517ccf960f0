package dev.nn.datasets;

/** Train and test splits, as Keras's {@code (train_data, train_labels), (test_data, test_labels)}. */
public record TextSplit(Sequences train, Sequences test) {
}
