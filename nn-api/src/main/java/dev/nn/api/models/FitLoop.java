package dev.nn.api.models;

import dev.nn.api.data.Features;
import dev.nn.api.data.Targets;
import dev.nn.api.training.EpochMetrics;
import dev.nn.api.training.History;
import dev.nn.api.training.TrainingDivergedException;
import dev.nn.api.training.TrainingListener;
import dev.nn.api.training.ValidationData;
import java.util.Map;

/** The epoch loop of {@link Sequential#fit}: Keras's shuffle, batch means weighted by size, validation, listeners. */
final class FitLoop {

    private final Sequential model;
    private final Features x;
    private final Targets y;
    private final int epochs;
    private final int batchSize;
    private final ValidationData validation;
    private final TrainingListener[] listeners;

    FitLoop(Sequential model, Features x, Targets y, int epochs, int batchSize, ValidationData validation,
            TrainingListener[] listeners) {
        this.model = model;
        this.x = x;
        this.y = y;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.validation = validation;
        this.listeners = listeners;
    }

    History run() {
        History history = new History();
        int n = x.rows();
        int[] order = model.epochOrder(n);
        for (TrainingListener l : listeners) {
            l.onTrainBegin(epochs, n, batchSize);
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
            EpochMetrics metrics = epoch(epoch, order);
            history.add(metrics);
            for (TrainingListener l : listeners) {
                l.onEpochEnd(metrics);
            }
        }
        for (TrainingListener l : listeners) {
            l.onTrainEnd(history);
        }
        return history;
    }

    private EpochMetrics epoch(int epoch, int[] order) {
        long start = System.nanoTime();
        for (TrainingListener l : listeners) {
            l.onEpochBegin(epoch, epochs);
        }
        shuffle(order);
        int n = order.length;
        Means means = new Means(model.keys());
        for (int from = 0, batch = 1; from < n; from += batchSize, batch++) {
            int to = Math.min(n, from + batchSize);
            double[] sums = model.trainStep(x.gather(order, from, to), y.gather(order, from, to));
            if (!Double.isFinite(sums[0])) {
                throw new TrainingDivergedException(epoch, batch, sums[0] / (to - from));
            }
            means.add(sums, to - from);
            if (listeners.length > 0) {
                Map<String, Double> running = means.values("");
                for (TrainingListener l : listeners) {
                    l.onBatchEnd(epoch, to, n, running);
                }
            }
        }
        Map<String, Double> logs = means.values("");
        if (validation != null) {
            logs.putAll(model.evaluate(validation.x(), validation.y(), batchSize, "val_"));
        }
        return new EpochMetrics(epoch, logs, (System.nanoTime() - start) / 1e9);
    }

    /** Fisher-Yates from the last element, drawing from the model's generator. */
    private void shuffle(int[] order) {
        SeededRandom rng = model.rng();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
