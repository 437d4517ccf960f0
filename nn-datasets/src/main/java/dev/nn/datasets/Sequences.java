package dev.nn.datasets;

import dev.nn.api.data.IntLabels;
import dev.nn.api.data.MultiHotRows;

/**
 * Integer sequences (word ranks) with their labels: one split of IMDB or Reuters.
 *
 * @param sequences one int array per sample
 * @param labels    one label per sample
 */
public record Sequences(int[][] sequences, int[] labels) {

    public Sequences {
        if (sequences.length != labels.length) {
            throw new IllegalArgumentException(sequences.length + " sequences but " + labels.length + " labels");
        }
    }

    public int size() {
        return sequences.length;
    }

    /** The book's {@code vectorize_sequences(data, dimension)}, as sparse rows. */
    public MultiHotRows multiHot(int dimension) {
        return MultiHotRows.encode(sequences, dimension);
    }

    /** The labels as class ids in {@code [0, numClasses)}. */
    public IntLabels intLabels(int numClasses) {
        return new IntLabels(labels, numClasses);
    }
}
