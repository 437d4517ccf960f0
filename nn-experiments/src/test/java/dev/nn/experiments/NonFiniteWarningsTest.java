package dev.nn.experiments;

import static dev.nn.api.layers.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.nn.api.Backends;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.api.training.ValidationData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A NaN that shows up only in validation, evaluate or predict is said, as a Keras user would want to know. */
class NonFiniteWarningsTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Sequential.class);
    private Backend backend;

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
        backend = Backends.create("java", 1);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logged);
        backend.close();
    }

    private Sequential model() {
        Sequential m = new Sequential(backend, 7, Dense.of(4, RELU), Dense.of(1));
        m.compile(RmsProp.defaults(), Losses.meanSquaredError(), Metric.meanAbsoluteError());
        return m;
    }

    private static DenseMatrix rows(float... v) {
        return new DenseMatrix(v, v.length / 2, 2);
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void cleanDataWarnsOfNothing() {
        Sequential m = model();
        DenseMatrix x = rows(1, 2, 3, 4);
        DenseMatrix y = new DenseMatrix(new float[] {1, 0}, 2, 1);
        m.fit(x, y, 2, 2, new ValidationData(x, y));
        m.evaluate(x, y);
        m.predict(x);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aNanOnlyInTheValidationDataIsSaidOncePerEpoch() {
        Sequential m = model();
        DenseMatrix x = rows(1, 2, 3, 4);
        DenseMatrix y = new DenseMatrix(new float[] {1, 0}, 2, 1);
        DenseMatrix badX = rows(1, Float.NaN, 3, 4);
        m.fit(x, y, 2, 2, new ValidationData(badX, y));
        assertThat(warnings()).hasSize(4) // val_loss and val_mae, in each of the 2 epochs
                .allSatisfy(w -> assertThat(w).startsWith("validation: val_").contains("is NaN on 2 samples"));
    }

    @Test
    void evaluateAndPredictOnANanSayIt() {
        Sequential m = model();
        DenseMatrix x = rows(1, 2, 3, 4);
        DenseMatrix y = new DenseMatrix(new float[] {1, Float.POSITIVE_INFINITY}, 2, 1);
        m.fit(x, new DenseMatrix(new float[] {1, 0}, 2, 1), 1, 2);
        m.evaluate(x, y);
        assertThat(warnings()).anySatisfy(w -> assertThat(w).startsWith("evaluate: loss is Infinity on 2 samples"));
        logged.list.clear();
        m.predict(rows(Float.NaN, 1));
        assertThat(warnings()).singleElement().satisfies(w -> assertThat(w).startsWith("predict: some outputs are NaN"));
    }
}
