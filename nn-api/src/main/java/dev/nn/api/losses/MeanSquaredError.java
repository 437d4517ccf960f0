package dev.nn.api.losses;

import dev.nn.api.data.Targets;

/** Mean squared error, {@code loss = mean_j (y_j - p_j)^2}, as Keras's {@code mean_squared_error}. */
public final class MeanSquaredError implements Loss {

    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public double sum(float[] pred, Targets targets) {
        int k = LossInputs.checkBatch(name(), pred, targets);
        float[] y = LossInputs.dense(name(), targets);
        double total = 0;
        for (int i = 0; i < pred.length; i++) {
            double d = (double) pred[i] - y[i];
            total += d * d;
        }
        return total / k;
    }

    @Override
    public void gradient(float[] pred, Targets targets, float[] grad) {
        LossInputs.checkBatch(name(), pred, targets);
        float[] y = LossInputs.dense(name(), targets);
        float scale = 2f / pred.length;
        for (int i = 0; i < pred.length; i++) {
            grad[i] = (pred[i] - y[i]) * scale;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
