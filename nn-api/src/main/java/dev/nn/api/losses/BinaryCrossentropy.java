package dev.nn.api.losses;

import dev.nn.api.data.DenseMatrix;
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
        int k = Loss.checkBatch(name(), pred, targets);
        float[] y = dense(targets).data();
        double total = 0;
        for (int i = 0; i < pred.length; i++) {
            double p = Probabilities.clip(pred[i]);
            total -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
        }
        return total / k;
    }

    @Override
    public void gradient(float[] pred, Targets targets, float[] grad, boolean preActivation) {
        Loss.checkBatch(name(), pred, targets);
        float[] y = dense(targets).data();
        float scale = 1f / pred.length;
        for (int i = 0; i < pred.length; i++) {
            float p = pred[i];
            if (preActivation) {
                grad[i] = (p - y[i]) * scale;
            } else {
                grad[i] = Probabilities.clipped(p) ? 0f : (-y[i] / p + (1 - y[i]) / (1 - p)) * scale;
            }
        }
    }

    @Override
    public boolean fusesWith(Activation activation) {
        return activation == Activation.SIGMOID;
    }

    static DenseMatrix dense(Targets targets) {
        if (targets instanceof DenseMatrix m) {
            return m;
        }
        throw new IllegalArgumentException("Received integer labels, expected float targets; use "
                + "SparseCategoricalCrossentropy for integer labels, or IntLabels.toOneHot()");
    }

    @Override
    public String toString() {
        return name();
    }
}
