package dev.nn.api.models;

import dev.nn.api.Tensor;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.Features;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.data.Targets;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Parameter;
import dev.nn.api.losses.Loss;
import dev.nn.api.metrics.Metric;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.spi.Backend;
import dev.nn.api.training.EpochMetrics;
import dev.nn.api.training.History;
import dev.nn.api.training.TrainingDivergedException;
import dev.nn.api.training.TrainingListener;
import dev.nn.api.training.ValidationData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A linear stack of layers, as Keras's {@code Sequential}. One seeded generator on the JVM draws the
 * initial weights and then every epoch's shuffle, so a seed gives the same run on every backend.
 *
 * <pre>{@code
 * Sequential model = new Sequential(backend, 42, Dense.of(16, RELU), Dense.of(16, RELU), Dense.of(1, SIGMOID));
 * model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
 * History history = model.fit(xTrain, yTrain, 20, 512, ValidationData.of(xVal, yVal));
 * }</pre>
 */
public final class Sequential {

    /** Keras's default batch size for {@code evaluate} and {@code predict}. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final Backend backend;
    private final List<Layer> layers;
    private final SplittableRandom rng;
    private final List<Parameter> parameters = new ArrayList<>();
    private Optimizer optimizer;
    private Loss loss;
    private List<Metric> metrics;
    private int inputDim = -1;

    public Sequential(Backend backend, long seed, Layer... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("Received no layers, expected at least one");
        }
        this.backend = backend;
        this.layers = List.of(layers);
        this.rng = new SplittableRandom(seed);
    }

    /** Creates the weights for inputs of width {@code inputDim}; {@code fit} does it on first use. */
    public Sequential build(int inputDim) {
        if (isBuilt()) {
            throw new IllegalStateException("The model is already built for inputs of width " + inputDim());
        }
        int width = inputDim;
        for (Layer layer : layers) {
            layer.build(backend, width, rng);
            width = layer.units();
            parameters.addAll(layer.parameters());
        }
        this.inputDim = inputDim;
        return this;
    }

    public boolean isBuilt() {
        return inputDim >= 0;
    }

    public int inputDim() {
        return inputDim;
    }

    /** Chooses optimizer, loss and metrics, as Keras's {@code compile}. */
    public Sequential compile(Optimizer optimizer, Loss loss, Metric... metrics) {
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.of(metrics);
        return this;
    }

    /** Trains without validation data. */
    public History fit(Features x, Targets y, int epochs, int batchSize, TrainingListener... listeners) {
        return fit(x, y, epochs, batchSize, null, listeners);
    }

    /**
     * Trains for {@code epochs} epochs of shuffled mini-batches, evaluating {@code validation} (if given)
     * after each epoch with the same batch size.
     *
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     */
    public History fit(Features x, Targets y, int epochs, int batchSize, ValidationData validation,
            TrainingListener... listeners) {
        requireCompiled();
        checkSamples(x, y);
        positive("epochs", epochs);
        positive("batchSize", batchSize);
        ensureBuilt(x);
        History history = new History();
        int n = x.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (TrainingListener l : listeners) {
            l.onTrainBegin(epochs, n, batchSize);
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            for (TrainingListener l : listeners) {
                l.onEpochBegin(epoch, epochs);
            }
            shuffle(order);
            Means means = new Means(keys());
            for (int from = 0, batch = 1; from < n; from += batchSize, batch++) {
                int to = Math.min(n, from + batchSize);
                means.add(trainStep(x.gather(order, from, to), y.gather(order, from, to), epoch, batch), to - from);
                if (listeners.length > 0) {
                    Map<String, Double> running = means.values("");
                    for (TrainingListener l : listeners) {
                        l.onBatchEnd(epoch, to, n, running);
                    }
                }
            }
            Map<String, Double> logs = means.values("");
            if (validation != null) {
                logs.putAll(evaluate(validation.x(), validation.y(), batchSize, "val_"));
            }
            EpochMetrics metrics = new EpochMetrics(epoch, logs, (System.nanoTime() - start) / 1e9);
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

    private double[] trainStep(Features xb, Targets yb, int epoch, int batch) {
        try (Tensor input = upload(xb)) {
            float[] pred = backend.download(forward(input));
            double[] sums = sums(pred, yb);
            if (!Double.isFinite(sums[0])) {
                throw new TrainingDivergedException(epoch, batch, sums[0] / yb.rows());
            }
            Layer last = layers.get(layers.size() - 1);
            boolean fused = loss.fusesWith(last.activation());
            float[] grad = new float[pred.length];
            loss.gradient(pred, yb, grad, fused);
            try (Tensor g = backend.upload(grad, yb.rows(), yb.width())) {
                Tensor gradient = g;
                for (int i = layers.size() - 1; i >= 0; i--) {
                    gradient = layers.get(i).backward(gradient, fused && i == layers.size() - 1, i > 0);
                }
            }
            optimizer.apply(parameters);
            return sums;
        }
    }

    /** Loss and metrics on {@code x, y}, keyed {@code loss}, {@code accuracy}, ...; batch size 32 as Keras. */
    public Map<String, Double> evaluate(Features x, Targets y) {
        return evaluate(x, y, DEFAULT_BATCH_SIZE);
    }

    /** Loss and metrics on {@code x, y} in batches of {@code batchSize}. */
    public Map<String, Double> evaluate(Features x, Targets y, int batchSize) {
        return evaluate(x, y, batchSize, "");
    }

    private Map<String, Double> evaluate(Features x, Targets y, int batchSize, String prefix) {
        requireCompiled();
        checkSamples(x, y);
        positive("batchSize", batchSize);
        ensureBuilt(x);
        Means means = new Means(keys());
        for (int from = 0; from < x.rows(); from += batchSize) {
            int to = Math.min(x.rows(), from + batchSize);
            Targets yb = y.slice(from, to);
            means.add(sums(predictBatch(x.slice(from, to)), yb), to - from);
        }
        return means.values(prefix);
    }

    /** The model outputs (probabilities for sigmoid/softmax outputs), batch size 32 as Keras. */
    public DenseMatrix predict(Features x) {
        return predict(x, DEFAULT_BATCH_SIZE);
    }

    /** The model outputs for every row of {@code x}, computed in batches of {@code batchSize}. */
    public DenseMatrix predict(Features x, int batchSize) {
        positive("batchSize", batchSize);
        ensureBuilt(x);
        int width = layers.get(layers.size() - 1).units();
        float[] out = new float[Math.multiplyExact(x.rows(), width)];
        for (int from = 0; from < x.rows(); from += batchSize) {
            int to = Math.min(x.rows(), from + batchSize);
            float[] batch = predictBatch(x.slice(from, to));
            System.arraycopy(batch, 0, out, from * width, batch.length);
        }
        return new DenseMatrix(out, x.rows(), width);
    }

    private float[] predictBatch(Features xb) {
        try (Tensor input = upload(xb)) {
            return backend.download(forward(input));
        }
    }

    private Tensor forward(Tensor input) {
        Tensor t = input;
        for (Layer layer : layers) {
            t = layer.forward(t);
        }
        return t;
    }

    private double[] sums(float[] pred, Targets yb) {
        double[] sums = new double[1 + metrics.size()];
        sums[0] = loss.sum(pred, yb);
        for (int i = 0; i < metrics.size(); i++) {
            sums[i + 1] = metrics.get(i).sum(pred, yb);
        }
        return sums;
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys.add("loss");
        metrics.forEach(m -> keys.add(m.name()));
        return keys;
    }

    private Tensor upload(Features xb) {
        if (xb instanceof MultiHotRows rows) {
            return backend.upload(rows);
        }
        DenseMatrix m = (DenseMatrix) xb;
        return backend.upload(m.data(), m.rows(), m.cols());
    }

    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private void ensureBuilt(Features x) {
        if (!isBuilt()) {
            build(x.cols());
        } else if (x.cols() != inputDim) {
            throw new dev.nn.api.ShapeException("Sequential: expected inputs of width " + inputDim + ", received "
                    + x.cols() + " (shape (" + x.rows() + ", " + x.cols() + "))");
        }
    }

    private void requireCompiled() {
        if (loss == null) {
            throw new IllegalStateException("The model is not compiled: call compile(optimizer, loss, metrics...) first");
        }
    }

    private static void checkSamples(Features x, Targets y) {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("Received " + x.rows() + " samples and " + y.rows()
                    + " targets, expected as many of each");
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("Received an invalid value for " + name
                    + ", expected a positive integer. Received: " + name + "=" + value);
        }
    }

    public Backend backend() {
        return backend;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Copies of the weights, layer by layer (kernel, then bias), as Keras's {@code get_weights()}. */
    public List<float[]> weights() {
        return parameters.stream().map(p -> backend.download(p.value())).toList();
    }

    /** Number of trainable weights. */
    public long parameterCount() {
        return parameters.stream().mapToLong(p -> p.value().shape().size()).sum();
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}
