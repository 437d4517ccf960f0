package dev.nn.api.data;

/** Training targets, one sample per row: float values / one-hot rows ({@link DenseMatrix}) or class ids ({@link IntLabels}). */
public sealed interface Targets permits DenseMatrix, IntLabels {

    int rows();

    /** The width of the model output these targets are compared with. */
    int width();

    /** The rows {@code order[from..to)}, in that order. */
    Targets gather(int[] order, int from, int to);

    /** Rows {@code [from, to)}. */
    Targets slice(int from, int to);
}
