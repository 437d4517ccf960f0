package dev.nn.api.metrics;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.IntLabels;
import dev.nn.api.data.Targets;

/** Accuracy, specialised by target type as Keras's {@code "accuracy"} string is. */
final class Accuracy implements Metric {

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public double sum(float[] pred, Targets targets) {
        int k = targets.width();
        int rows = targets.rows();
        if (pred.length != (long) rows * k) {
            throw new IllegalArgumentException("accuracy: received " + pred.length + " predictions for targets of shape ("
                    + rows + ", " + k + ")");
        }
        long correct = 0;
        if (targets instanceof IntLabels labels) {
            for (int r = 0; r < rows; r++) {
                correct += argmax(pred, r * k, k) == labels.get(r) ? 1 : 0;
            }
        } else if (k == 1) {
            // Keras binary_accuracy: cast(y_pred > 0.5) == y_true
            float[] y = ((DenseMatrix) targets).data();
            for (int r = 0; r < rows; r++) {
                correct += (pred[r] > 0.5f ? 1f : 0f) == y[r] ? 1 : 0;
            }
        } else {
            float[] y = ((DenseMatrix) targets).data();
            for (int r = 0; r < rows; r++) {
                correct += argmax(pred, r * k, k) == argmax(y, r * k, k) ? 1 : 0;
            }
        }
        return correct;
    }

    /** First index of the largest value, as numpy's argmax. */
    static int argmax(float[] values, int off, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (values[off + j] > values[off + best]) {
                best = j;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return name();
    }
}
