package dev.nn.api.losses;

import dev.nn.api.data.Targets;
import dev.nn.api.layers.Activation;

/**
 * Binary cross-entropy on probabilities, following Keras 3
 * ({@code keras/src/backend/tensorflow/nn.py}): {@code p = clip(p, 1e-7, 1 - 1e-7)},
 * {@code loss = -mean_j(y log p + (1 - y) log(1 - p))}. Targets: a dense {@code (n, k)} matrix of 0/1.
 */
public final class BinaryCrossentropy implements Loss {

    @Override
    public String name() {
        return "binary_crossentropy";
    }

    @Override
    public double sum(float[] pred, Targets targets) {
        int k = LossInputs.checkBatch(name(), pred, targets);
        float[] y = LossInputs.dense(name(), targets);
        for (int i = 0; i < y.length; i++) {
            // Keras computes a number for a target of 3 or -1 and trains on it silently; it is always a mistake
            if (!(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException(name() + ": target " + y[i] + " (row " + i / k + ") is outside "
                        + "[0, 1]; binary cross-entropy takes 0/1 labels or probabilities");
            }
        }
        double total = 0;
        for (int i = 0; i < pred.length; i++) {
            double p = Probabilities.clip(pred[i]);
            total -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
        }
        return total / k;
    }

    @Override
    public void gradient(float[] pred, Targets targets, float[] grad) {
        LossInputs.checkBatch(name(), pred, targets);
        float[] y = LossInputs.dense(name(), targets);
        float scale = 1f / pred.length;
        for (int i = 0; i < pred.length; i++) {
            float p = pred[i];
            grad[i] = Probabilities.clipped(p) ? 0f : (-y[i] / p + (1 - y[i]) / (1 - p)) * scale;
        }
    }

    @Override
    public boolean fusesWith(Activation activation) {
        return activation == Activation.SIGMOID;
    }

    /** Through the sigmoid: {@code (p - y) / (n k)}. */
    @Override
    public void preActivationGradient(float[] pred, Targets targets, float[] grad) {
        LossInputs.checkBatch(name(), pred, targets);
        LossInputs.probabilityMinusTarget(pred, LossInputs.dense(name(), targets), 1f / pred.length, grad);
    }

    @Override
    public String toString() {
        return name();
    }
}
