package dev.nn.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.data.Features;
import dev.nn.api.data.Targets;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.api.training.History;
import dev.nn.backend.java.JavaBackend;
import dev.nn.testkit.SyntheticData;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The same seeded model and data on {@code java} and {@code nd4j}: identical initial weights, per-epoch
 * losses within {@link #TOLERANCE}.
 */
class CrossBackendTest {

    /**
     * Relative tolerance on per-epoch losses. The backends sum in different orders inside gemm (OpenBLAS
     * blocks the k loop; the Java backend sums in index order), so each product differs by a few float32
     * ulps (~1e-7 relative); training carries those differences into the weights. Measured over three
     * epochs: at most 6e-8 relative. 1e-5 leaves a hundredfold margin for that drift (more epochs, other
     * data) and still fails on any wrong kernel, which moves a loss by far more.
     */
    static final double TOLERANCE = 1e-5;

    private static final Backend JAVA = new JavaBackend(2);
    private static final Backend ND4J = new Nd4jBackend(2);

    @AfterAll
    static void close() {
        JAVA.close();
        ND4J.close();
    }

    private static void compare(String what, Supplier<Sequential> model, Features x, Targets y, int epochs,
            int batch) {
        Sequential onJava = model.get();
        Sequential onNd4j = model.get();
        List<float[]> wJava = onJava.build(x.cols()).weights();
        List<float[]> wNd4j = onNd4j.build(x.cols()).weights();
        for (int i = 0; i < wJava.size(); i++) {
            dev.nn.testkit.Bits.assertIdentical(what + ": initial weights " + i, wNd4j.get(i), wJava.get(i));
        }
        History hJava = onJava.fit(x, y, epochs, batch);
        History hNd4j = onNd4j.fit(x, y, epochs, batch);
        for (String key : hJava.keys()) {
            List<Double> a = hJava.get(key);
            List<Double> b = hNd4j.get(key);
            for (int e = 0; e < a.size(); e++) {
                double rel = Math.abs(a.get(e) - b.get(e)) / Math.max(1e-12, Math.abs(a.get(e)));
                assertThat(rel).as(what + " " + key + " epoch " + (e + 1) + ": java " + a.get(e) + ", nd4j " + b.get(e))
                        .isLessThan(TOLERANCE);
            }
        }
    }

    @Test
    void sigmoidBinaryCrossentropyModelsTrainAlike() {
        SyntheticData.Text d = SyntheticData.binaryText(2000, 10_000, 130, 31);
        Backend[] next = {JAVA, ND4J};
        int[] i = {0};
        compare("sigmoid/bce", () -> {
            Sequential m = new Sequential(next[i[0]++], 5, Dense.of(16, Activation.RELU), Dense.of(16, Activation.RELU),
                    Dense.of(1, Activation.SIGMOID));
            m.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
            return m;
        }, d.x(), d.binaryTargets(), 3, 512);
    }

    @Test
    void softmaxCategoricalCrossentropyModelsTrainAlike() {
        SyntheticData.Text d = SyntheticData.topicText(2000, 10_000, 80, 46, 32);
        Backend[] next = {JAVA, ND4J};
        int[] i = {0};
        compare("softmax/cce", () -> {
            Sequential m = new Sequential(next[i[0]++], 6, Dense.of(64, Activation.RELU), Dense.of(64, Activation.RELU),
                    Dense.of(46, Activation.SOFTMAX));
            m.compile(RmsProp.defaults(), Losses.categoricalCrossentropy(), Metric.accuracy());
            return m;
        }, d.x(), d.labels().toOneHot(), 3, 512);
    }

    @Test
    void mseRegressionWithBatchSizeOneTrainsAlike() {
        SyntheticData.Regression d = SyntheticData.housing(100, 13, 33);
        Backend[] next = {JAVA, ND4J};
        int[] i = {0};
        compare("mse/batch 1", () -> {
            Sequential m = new Sequential(next[i[0]++], 7, Dense.of(64, Activation.RELU), Dense.of(64, Activation.RELU),
                    Dense.of(1));
            m.compile(RmsProp.defaults(), Losses.meanSquaredError(), Metric.meanAbsoluteError());
            return m;
        }, d.x(), d.y(), 3, 1);
    }
}
