package dev.nn.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.testkit.Bits;
import dev.nn.testkit.SyntheticData;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One-thread siblings of the nd4j backend, as a run's lanes use them: side by side, while their parent waits. */
class SiblingsTest {

    private static final SyntheticData.Text TOPICS = SyntheticData.topicText(1500, 10_000, 80, 46, 51);
    private static final SyntheticData.Text REVIEWS = SyntheticData.binaryText(1500, 10_000, 130, 52);

    @Test
    void aSiblingIsAnotherOneThreadNd4jBackend() {
        try (Backend parent = new Nd4jBackend(2); Backend sibling = parent.singleThreadedSibling().orElseThrow()) {
            assertThat(sibling).isNotSameAs(parent).isInstanceOf(Nd4jBackend.class);
            assertThat(sibling.threads()).isEqualTo(1);
            assertThat(sibling.name()).isEqualTo("nd4j");
        }
    }

    /**
     * Two siblings training at once give the bits each gives alone, while the parent (two BLAS threads) is asked
     * for its description over and over, as a run does after each experiment. When that set BLAS to two threads,
     * the siblings' next products ran on two and rounded differently.
     */
    @Test
    void siblingsSideBySideGiveTheBitsOfOneAlone() throws Exception {
        try (Nd4jBackend parent = new Nd4jBackend(2)) {
            parent.zeros(1, 1).close(); // ND4J started, BLAS on two threads
            List<float[]> topicsAlone;
            List<float[]> reviewsAlone;
            try (Backend one = parent.singleThreadedSibling().orElseThrow()) {
                topicsAlone = trainTopics(one);
                reviewsAlone = trainReviews(one);
            }
            Backend a = parent.singleThreadedSibling().orElseThrow();
            Backend b = parent.singleThreadedSibling().orElseThrow();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<List<float[]>> topics = pool.submit(() -> trainTopics(a));
                Future<List<float[]>> reviews = pool.submit(() -> trainReviews(b));
                int described = 0;
                while (!topics.isDone() || !reviews.isDone()) {
                    assertThat(parent.description()).contains("2 BLAS threads");
                    described++;
                    Thread.sleep(1);
                }
                assertThat(described).as("descriptions asked for while the siblings trained").isGreaterThan(10);
                assertIdentical("topics", topics.get(), topicsAlone);
                assertIdentical("reviews", reviews.get(), reviewsAlone);
            } finally {
                pool.shutdownNow();
                a.close();
                b.close();
            }
        }
    }

    private static void assertIdentical(String what, List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            Bits.assertIdentical(what + " weights " + i, actual.get(i), expected.get(i));
        }
    }

    /** Reuters' model on synthetic wires: 64-unit products over a batch's own words, 46-way softmax. */
    private static List<float[]> trainTopics(Backend backend) {
        Sequential m = new Sequential(backend, 3, Dense.of(64, Activation.RELU), Dense.of(64, Activation.RELU),
                Dense.of(46, Activation.SOFTMAX));
        m.compile(RmsProp.defaults(), Losses.categoricalCrossentropy(), Metric.accuracy());
        m.fit(TOPICS.x(), TOPICS.labels().toOneHot(), 3, 512);
        return m.weights();
    }

    /** IMDB's model on synthetic reviews: the full 10,000-wide products of the first layer. */
    private static List<float[]> trainReviews(Backend backend) {
        Sequential m = new Sequential(backend, 4, Dense.of(16, Activation.RELU), Dense.of(16, Activation.RELU),
                Dense.of(1, Activation.SIGMOID));
        m.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
        m.fit(REVIEWS.x(), REVIEWS.binaryTargets(), 3, 512);
        return m.weights();
    }
}
