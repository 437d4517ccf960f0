package dev.nn.api.data;

/** Model inputs, one sample per row. */
public sealed interface Features permits DenseMatrix, MultiHotRows {

    int rows();

    int cols();

    /** The rows {@code order[from..to)}, in that order: how a shuffled batch is taken. */
    Features gather(int[] order, int from, int to);

    /** Rows {@code [from, to)}, like numpy's {@code x[from:to]}. */
    Features slice(int from, int to);
}
