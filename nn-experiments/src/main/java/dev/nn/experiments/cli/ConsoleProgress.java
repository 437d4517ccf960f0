package dev.nn.experiments.cli;

import dev.nn.api.training.EpochMetrics;
import dev.nn.api.training.History;
import dev.nn.api.training.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keras-style progress on the console: {@code Epoch 3/20} with samples, elapsed time, loss and metrics, and
 * once an epoch has been timed the time left for this training.
 * On a terminal a live bar is redrawn as batches finish; elsewhere (CI logs) one line per epoch, and
 * for long trainings about ten lines in all. Once several trainings run side by side (Boston's folds, or a
 * validation run beside its seeds' trainings, on two threads) there is no live bar and every epoch line of each
 * of them, to its last, starts with its training's label.
 */
final class ConsoleProgress implements TrainingListener {

    private final PrintStream out;
    private final String label;
    private final boolean live;
    private final Trainings trainings;
    /** Which training of the run this is, counting from 1 as they begin. */
    private int number;
    private int epochs;
    private long epochStart;
    private long lastDraw;
    private double trainedSeconds;
    /** Whether another training has run beside this one since it began: its lines then say whose they are. */
    private boolean shared;

    /** The trainings of one run, shared by all their listeners. */
    static final class Trainings {
        /** How many are running now: more than one means they run side by side. */
        final AtomicInteger running = new AtomicInteger();
        /** How many have begun. */
        final AtomicInteger begun = new AtomicInteger();
    }

    /** @param trainings the run's, shared by every listener of one run */
    ConsoleProgress(PrintStream out, String label, boolean live, Trainings trainings) {
        this.out = out;
        this.label = label;
        this.live = live;
        this.trainings = trainings;
    }

    /**
     * No other training runs, nor has begun since this one began: once two have run side by side, a line without
     * its label could be either's (the next training of a lane may have started meanwhile, and a short one may
     * have begun and ended between two of this one's lines).
     */
    private boolean alone() {
        shared |= trainings.running.get() > 1 || trainings.begun.get() != number;
        return !shared;
    }

    @Override
    public void onTrainBegin(int epochs, int samples, int batchSize) {
        this.epochs = epochs;
        trainings.running.incrementAndGet();
        number = trainings.begun.incrementAndGet();
        out.printf(Locale.ROOT, "%s (%d epochs here, %d samples, batch %d)%n", label, epochs, samples, batchSize);
    }

    @Override
    public void onEpochBegin(int epoch, int epochs) {
        epochStart = System.nanoTime();
    }

    @Override
    public void onBatchEnd(int epoch, int seen, int total, Map<String, Double> running) {
        long now = System.nanoTime();
        if (!live || !alone() || now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int done = (int) ((long) width * seen / total);
        out.printf(Locale.ROOT, "\rEpoch %d/%d %s %d/%d [%s>%s] %.1fs%s", epoch, epochs, "", seen, total,
                "=".repeat(done), ".".repeat(width - done), (now - epochStart) / 1e9, format(running));
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        boolean print = epochs <= 20 || m.epoch() == 1 || m.epoch() == epochs || m.epoch() % Math.max(1, epochs / 10) == 0;
        boolean alone = alone();
        if (live && alone) {
            out.print("\r\033[K");
        }
        trainedSeconds += m.seconds();
        if (print) {
            String eta = m.epoch() < epochs ? String.format(Locale.ROOT, " - about %s left", duration(trainedSeconds
                    / m.epoch() * (epochs - m.epoch()))) : "";
            out.printf(Locale.ROOT, "%sEpoch %d/%d - %.2fs%s%s%n", alone ? "" : label + " - ", m.epoch(), epochs,
                    m.seconds(), format(m.values()), eta);
        }
    }

    @Override
    public void onTrainEnd(History history) {
        trainings.running.decrementAndGet();
    }

    /** {@code 42s}, {@code 3m 05s}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }

    private static String format(Map<String, Double> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(String.format(Locale.ROOT, " - %s: %.4f", k, v)));
        return s.toString();
    }
}
