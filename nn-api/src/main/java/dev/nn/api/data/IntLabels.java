package dev.nn.api.data;

import java.util.Arrays;

/**
 * Integer class labels in {@code [0, numClasses)}, the targets of sparse categorical cross-entropy
 * (the book's "encode the labels as an integer tensor" variant).
 */
public final class IntLabels implements Targets {

    private final int[] labels;
    private final int numClasses;

    /** Wraps {@code labels} (not copied) after checking each is in {@code [0, numClasses)}. */
    public IntLabels(int[] labels, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException(
                    "Received an invalid value for numClasses, expected a positive integer. Received: numClasses="
                            + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("Received an invalid label at index " + i + ", expected a value in [0, "
                        + numClasses + "). Received: " + labels[i]);
            }
        }
        this.labels = labels;
        this.numClasses = numClasses;
    }

    /** The labels (not a copy). */
    public int[] labels() {
        return labels;
    }

    public int get(int row) {
        return labels[row];
    }

    public int numClasses() {
        return numClasses;
    }

    @Override
    public int rows() {
        return labels.length;
    }

    @Override
    public int width() {
        return numClasses;
    }

    /** One-hot rows, as Keras's {@code to_categorical(labels, numClasses)}. */
    public DenseMatrix toOneHot() {
        float[] out = new float[labels.length * numClasses];
        for (int i = 0; i < labels.length; i++) {
            out[i * numClasses + labels[i]] = 1f;
        }
        return new DenseMatrix(out, labels.length, numClasses);
    }

    @Override
    public IntLabels gather(int[] order, int from, int to) {
        Ranges.gather(order, from, to, labels.length);
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = labels[order[i]];
        }
        return new IntLabels(out, numClasses);
    }

    @Override
    public IntLabels slice(int from, int to) {
        Ranges.slice(from, to, labels.length);
        return new IntLabels(Arrays.copyOfRange(labels, from, to), numClasses);
    }

    @Override
    public String toString() {
        return "IntLabels(" + labels.length + ", numClasses=" + numClasses + ")";
    }
}
