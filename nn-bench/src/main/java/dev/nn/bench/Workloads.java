package dev.nn.bench;

import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.testkit.SyntheticData;

/** The three Chapter 3 workloads with synthetic data of the book's shapes. */
final class Workloads {

    /** A: IMDB, 15,000 rows of 10,000-wide multi-hot (~130 ones), 16-16-1, batch 512, then predict 10,000 rows. */
    static final class Imdb {
        final SyntheticData.Text train = SyntheticData.binaryText(15_000, 10_000, 130, 1);
        final DenseMatrix trainY = train.binaryTargets();
        final SyntheticData.Text test = SyntheticData.binaryText(10_000, 10_000, 130, 2);
        Sequential model;

        void setUp(Backend backend) {
            model = new Sequential(backend, 1, Dense.of(16, Activation.RELU), Dense.of(16, Activation.RELU),
                    Dense.of(1, Activation.SIGMOID));
            model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
        }

        void epoch() {
            model.fit(train.x(), trainY, 1, 512);
            model.predict(test.x(), 512);
        }
    }

    /** B: Reuters, 7,982 rows of 10,000-wide multi-hot (~80 ones), 64-64-46 softmax, batch 512, then evaluate 1,000 rows. */
    static final class Reuters {
        final SyntheticData.Text train = SyntheticData.topicText(7_982, 10_000, 80, 46, 3);
        final DenseMatrix trainY = train.labels().toOneHot();
        final SyntheticData.Text val = SyntheticData.topicText(1_000, 10_000, 80, 46, 4);
        final DenseMatrix valY = val.labels().toOneHot();
        Sequential model;

        void setUp(Backend backend) {
            model = new Sequential(backend, 1, Dense.of(64, Activation.RELU), Dense.of(64, Activation.RELU),
                    Dense.of(46, Activation.SOFTMAX));
            model.compile(RmsProp.defaults(), Losses.categoricalCrossentropy(), Metric.accuracy());
        }

        void epoch() {
            model.fit(train.x(), trainY, 1, 512);
            model.evaluate(val.x(), valY, 512);
        }
    }

    /** C: Boston, 4 folds x 100 epochs at batch size 1 on 303 rows x 13 features, 64-64-1, MSE; each fold evaluated. */
    static final class Boston {
        static final int FOLDS = 4;
        static final int EPOCHS = 100;
        final SyntheticData.Regression data = SyntheticData.housing(404, 13, 5);

        /** Runs all folds; returns the number of training steps. */
        long run(Backend backend, int epochs) {
            long steps = 0;
            for (int fold = 0; fold < FOLDS; fold++) {
                Sequential model = new Sequential(backend, fold, Dense.of(64, Activation.RELU),
                        Dense.of(64, Activation.RELU), Dense.of(1));
                model.compile(RmsProp.defaults(), Losses.meanSquaredError(), Metric.meanAbsoluteError());
                int from = fold * 101;
                DenseMatrix x = data.x().slice(0, from).concat(data.x().slice(from + 101, 404));
                DenseMatrix y = data.y().slice(0, from).concat(data.y().slice(from + 101, 404));
                model.fit(x, y, epochs, 1);
                model.evaluate(data.x().slice(from, from + 101), data.y().slice(from, from + 101), 1);
                steps += (long) epochs * x.rows();
            }
            return steps;
        }
    }

    private Workloads() {
    }
}
