package dev.nn.api.metrics;

import dev.nn.api.data.Targets;

/**
 * A metric over one batch. Like Keras's mean metrics it is reported as the mean over all samples
 * seen, so this returns the per-sample sum.
 */
public interface Metric {

    /** The History key: {@code accuracy}, {@code mae}. */
    String name();

    /** Sum over the batch of the per-sample values. */
    double sum(float[] pred, Targets targets);

    /**
     * {@code "accuracy"}: binary accuracy (threshold 0.5) for one output, categorical accuracy for one-hot
     * targets, sparse categorical accuracy for integer labels: the choice Keras makes for {@code metrics=["accuracy"]}.
     */
    static Metric accuracy() {
        return new Accuracy();
    }

    /** {@code "mae"}: mean absolute error. */
    static Metric meanAbsoluteError() {
        return new MeanAbsoluteError();
    }

    /** By Keras name: {@code accuracy}/{@code acc}, {@code mae}/{@code mean_absolute_error}. */
    static Metric of(String name) {
        return switch (name) {
            case "accuracy", "acc" -> accuracy();
            case "mae", "mean_absolute_error" -> meanAbsoluteError();
            default -> throw new IllegalArgumentException(
                    "Received an invalid value for metric, expected one of accuracy, mae. Received: metric=" + name);
        };
    }
}
