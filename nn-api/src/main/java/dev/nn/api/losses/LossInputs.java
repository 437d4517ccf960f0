package dev.nn.api.losses;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.IntLabels;
import dev.nn.api.data.Targets;

/** Checks and conversions of a batch's predictions and targets that every loss shares. */
final class LossInputs {

    private LossInputs() {
    }

    /** Checks that {@code pred} has one value per target cell; returns the width. */
    static int checkBatch(String loss, float[] pred, Targets targets) {
        long expected = (long) targets.rows() * targets.width();
        if (pred.length != expected) {
            throw new IllegalArgumentException(loss + ": received " + pred.length + " predictions for targets of shape ("
                    + targets.rows() + ", " + targets.width() + ")");
        }
        return targets.width();
    }

    /** The float targets of a loss that takes no integer labels. */
    static float[] dense(String loss, Targets targets) {
        if (targets instanceof DenseMatrix m) {
            return m.data();
        }
        throw new IllegalArgumentException(loss + ": received integer labels, expected float targets; use "
                + "SparseCategoricalCrossentropy for integer labels, or IntLabels.toOneHot()");
    }

    /** The one-hot rows of integer labels. */
    static float[] oneHot(String loss, Targets targets) {
        if (targets instanceof IntLabels labels) {
            return labels.toOneHot().data();
        }
        throw new IllegalArgumentException(loss + ": received float targets, expected IntLabels; use "
                + "CategoricalCrossentropy for one-hot targets");
    }

    /** {@code grad = (p - y) * scale}: the gradient through sigmoid or softmax of the matching cross-entropy. */
    static void probabilityMinusTarget(float[] pred, float[] y, float scale, float[] grad) {
        for (int i = 0; i < pred.length; i++) {
            grad[i] = (pred[i] - y[i]) * scale;
        }
    }
}
