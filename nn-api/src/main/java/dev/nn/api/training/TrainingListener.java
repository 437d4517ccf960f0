package dev.nn.api.training;

import java.util.Map;

/**
 * Progress of {@code fit}, in the spirit of Keras callbacks. All methods default to doing nothing.
 */
public interface TrainingListener {

    /** Before the first epoch. */
    default void onTrainBegin(int epochs, int samples, int batchSize) {
    }

    /** Before each epoch; {@code epoch} is 1-based. */
    default void onEpochBegin(int epoch, int epochs) {
    }

    /**
     * After each training batch, with the running means of the epoch so far.
     *
     * @param seen  samples seen this epoch
     * @param total samples per epoch
     */
    default void onBatchEnd(int epoch, int seen, int total, Map<String, Double> running) {
    }

    /** After each epoch, validation included. */
    default void onEpochEnd(EpochMetrics metrics) {
    }

    /** After the last epoch. */
    default void onTrainEnd(History history) {
    }
}
