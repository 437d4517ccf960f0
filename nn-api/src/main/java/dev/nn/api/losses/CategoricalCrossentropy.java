package dev.nn.api.losses;

import dev.nn.api.data.Targets;
import dev.nn.api.layers.Activation;

/**
 * Categorical cross-entropy on probabilities with one-hot targets, following Keras 3
 * ({@code keras/src/backend/tensorflow/nn.py}): each row is normalised to sum to 1, clipped to
 * {@code [1e-7, 1 - 1e-7]}, and {@code loss = -sum_j y_j log p_j}.
 */
public final class CategoricalCrossentropy implements Loss {

    @Override
    public String name() {
        return "categorical_crossentropy";
    }

    @Override
    public double sum(float[] pred, Targets targets) {
        int k = LossInputs.checkBatch(name(), pred, targets);
        return sum(pred, LossInputs.dense(name(), targets), k);
    }

    /** Sum over rows of {@code -sum_j y_j log clip(p_j / S)}, one-hot {@code y}. */
    static double sum(float[] pred, float[] y, int k) {
        double total = 0;
        for (int off = 0; off < pred.length; off += k) {
            total += rowLoss(pred, y, off, k);
        }
        return total;
    }

    private static double rowLoss(float[] pred, float[] y, int off, int k) {
        float s = rowSum(pred, off, k);
        double loss = 0;
        for (int j = off; j < off + k; j++) {
            if (y[j] != 0) {
                loss -= y[j] * Math.log(Probabilities.clip(pred[j] / s));
            }
        }
        return loss;
    }

    @Override
    public void gradient(float[] pred, Targets targets, float[] grad) {
        int k = LossInputs.checkBatch(name(), pred, targets);
        gradient(pred, LossInputs.dense(name(), targets), grad, k);
    }

    /**
     * {@code d/dp_j} of {@code -sum_i y_i log clip(p_i / S)} with {@code S = sum p}, averaged over rows:
     * {@code (-y_j c_j / (q_j S) + sum_i y_i c_i / S) / n}, {@code c_i = 0} where clipping is active.
     */
    static void gradient(float[] pred, float[] y, float[] grad, int k) {
        int rows = pred.length / k;
        float scale = 1f / rows;
        for (int r = 0; r < rows; r++) {
            int off = r * k;
            float s = rowSum(pred, off, k);
            float common = 0;
            for (int j = off; j < off + k; j++) {
                if (!Probabilities.clipped(pred[j] / s)) {
                    common += y[j] / s;
                }
            }
            for (int j = off; j < off + k; j++) {
                float q = pred[j] / s;
                float own = Probabilities.clipped(q) ? 0 : -y[j] / (q * s);
                grad[j] = (own + common) * scale;
            }
        }
    }

    /** Through the softmax: {@code (p - y) / n}. */
    static void preActivationGradient(float[] pred, float[] y, float[] grad, int k) {
        LossInputs.probabilityMinusTarget(pred, y, 1f / (pred.length / k), grad);
    }

    @Override
    public void preActivationGradient(float[] pred, Targets targets, float[] grad) {
        int k = LossInputs.checkBatch(name(), pred, targets);
        preActivationGradient(pred, LossInputs.dense(name(), targets), grad, k);
    }

    private static float rowSum(float[] pred, int off, int k) {
        float s = 0;
        for (int j = off; j < off + k; j++) {
            s += pred[j];
        }
        return s;
    }

    @Override
    public boolean fusesWith(Activation activation) {
        return activation == Activation.SOFTMAX;
    }

    @Override
    public String toString() {
        return name();
    }
}
