package dev.nn.api.metrics;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.Targets;

/** Mean absolute error, {@code mean_j |y_j - p_j|} per sample. */
final class MeanAbsoluteError implements Metric {

    @Override
    public String name() {
        return "mae";
    }

    @Override
    public double sum(float[] pred, Targets targets) {
        if (!(targets instanceof DenseMatrix m) || pred.length != m.data().length) {
            throw new IllegalArgumentException("mae: expected float targets with one value per prediction, received "
                    + targets + " for " + pred.length + " predictions");
        }
        float[] y = m.data();
        double total = 0;
        for (int i = 0; i < pred.length; i++) {
            total += Math.abs((double) pred[i] - y[i]);
        }
        return total / m.cols();
    }

    @Override
    public String toString() {
        return name();
    }
}
