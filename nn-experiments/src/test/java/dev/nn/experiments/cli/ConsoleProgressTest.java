package dev.nn.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.training.EpochMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void epochLinesNameTheirTrainingOnceAnotherHasRunBesideIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleProgress.Trainings running = new ConsoleProgress.Trainings();
        ConsoleProgress first = new ConsoleProgress(out, "boston: fold 1", true, running);
        ConsoleProgress second = new ConsoleProgress(out, "boston: fold 2", true, running);
        first.onTrainBegin(2, 303, 1);
        first.onEpochEnd(new EpochMetrics(1, Map.of("loss", 1.0), 0.5));
        second.onTrainBegin(2, 303, 1);
        second.onBatchEnd(1, 100, 303, Map.of("loss", 2.0));
        second.onEpochEnd(new EpochMetrics(1, Map.of("loss", 2.0), 0.5));
        first.onEpochEnd(new EpochMetrics(2, Map.of("loss", 0.5), 0.5));
        first.onTrainEnd(null);
        second.onEpochEnd(new EpochMetrics(2, Map.of("loss", 1.5), 0.5));
        second.onTrainEnd(null);
        assertThat(running.running).hasValue(0);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).replace("\r\033[K", "").split("\n");
        assertThat(lines).containsExactly(
                "boston: fold 1 (2 epochs here, 303 samples, batch 1)",
                "Epoch 1/2 - 0.50s - loss: 1.0000 - about 1s left",
                "boston: fold 2 (2 epochs here, 303 samples, batch 1)",
                // side by side: labelled, and no live bar redrawn over the other's lines
                "boston: fold 2 - Epoch 1/2 - 0.50s - loss: 2.0000 - about 1s left",
                "boston: fold 1 - Epoch 2/2 - 0.50s - loss: 0.5000",
                // alone again, but its earlier lines were labelled: so are its last
                "boston: fold 2 - Epoch 2/2 - 0.50s - loss: 1.5000");
    }

    @Test
    void aTrainingThatBeganAndEndedBetweenTwoOfAnothersLinesMakesItsLaterLinesNameIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleProgress.Trainings trainings = new ConsoleProgress.Trainings();
        ConsoleProgress wide = new ConsoleProgress(out, "reuters-wide: 20 epochs", false, trainings);
        ConsoleProgress small = new ConsoleProgress(out, "reuters-single-layer: 20 epochs", false, trainings);
        wide.onTrainBegin(2, 7982, 128);
        wide.onEpochEnd(new EpochMetrics(1, Map.of("loss", 1.0), 0.5));
        small.onTrainBegin(1, 7982, 128);
        small.onEpochEnd(new EpochMetrics(1, Map.of("loss", 2.0), 0.1));
        small.onTrainEnd(null);
        wide.onEpochEnd(new EpochMetrics(2, Map.of("loss", 0.5), 0.5));
        wide.onTrainEnd(null);
        assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n")).containsExactly(
                "reuters-wide: 20 epochs (2 epochs here, 7982 samples, batch 128)",
                "Epoch 1/2 - 0.50s - loss: 1.0000 - about 1s left",
                "reuters-single-layer: 20 epochs (1 epochs here, 7982 samples, batch 128)",
                "reuters-single-layer: 20 epochs - Epoch 1/1 - 0.10s - loss: 2.0000",
                // running alone by now, but the other's lines came in between
                "reuters-wide: 20 epochs - Epoch 2/2 - 0.50s - loss: 0.5000");
    }
}
