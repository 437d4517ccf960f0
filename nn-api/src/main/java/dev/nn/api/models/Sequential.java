package dev.nn.api.models;

import dev.nn.api.ShapeException;
import dev.nn.api.Tensor;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.Features;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.data.Targets;
import dev.nn.api.layers.ActivatedLayer;
import dev.nn.api.layers.BaseLayer;
import dev.nn.api.layers.FeatureShape;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.LayerContext;
import dev.nn.api.layers.Parameter;
import dev.nn.api.losses.Loss;
import dev.nn.api.metrics.Metric;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.spi.Backend;
import dev.nn.api.training.History;
import dev.nn.api.training.TrainingListener;
import dev.nn.api.training.ValidationData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A linear stack of layers, as Keras's {@code Sequential}. One seeded generator on the JVM draws the
 * initial weights and then every epoch's shuffle (and dropout's masks), so a seed gives the same run on
 * every backend. Layers are named per model as Keras does: {@code dense}, {@code dense_1}, ...
 *
 * <pre>{@code
 * Sequential model = new Sequential(backend, 42, Dense.of(16, RELU), Dense.of(16, RELU), Dense.of(1, SIGMOID));
 * model.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
 * History history = model.fit(xTrain, yTrain, 20, 512, ValidationData.of(xVal, yVal));
 * }</pre>
 */
public final class Sequential {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sequential.class);

    /** Keras's default batch size for {@code evaluate} and {@code predict}. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final Backend backend;
    private final List<Layer> layers;
    private final SeededRandom rng;
    private final List<Parameter> parameters = new ArrayList<>();
    private Compiled compiled;
    private FeatureShape inputShape;
    private int[] order = new int[0];

    /** What {@code compile} decided: the loss's gradient at the output is chosen once, here. */
    private record Compiled(Optimizer optimizer, Loss loss, List<Metric> metrics, boolean fused) {
    }

    public Sequential(Backend backend, long seed, Layer... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("Received no layers, expected at least one");
        }
        this.backend = backend;
        this.layers = List.of(layers);
        this.rng = SeededRandom.of(seed);
        nameLayers(this.layers);
    }

    /** Keras's per-model names: explicit names are kept, the others numbered per class, skipping names in use. */
    private static void nameLayers(List<Layer> layers) {
        Set<String> taken = new HashSet<>();
        for (Layer l : layers) {
            if (l.isNamed() && !taken.add(l.name())) {
                throw new IllegalArgumentException("Received two layers named '" + l.name()
                        + "', expected unique layer names");
            }
        }
        Map<String, Integer> counters = new HashMap<>();
        for (Layer l : layers) {
            if (l.isNamed()) {
                continue;
            }
            String base = BaseLayer.snakeCase(l.className());
            String name;
            do {
                int n = counters.merge(base, 1, Integer::sum) - 1;
                name = n == 0 ? base : base + "_" + n;
            } while (!taken.add(name));
            l.named(name);
        }
    }

    /** Creates the weights for inputs of width {@code inputDim}; {@code fit} does it on first use. */
    public Sequential build(int inputDim) {
        return build(FeatureShape.of(inputDim));
    }

    /** Creates the weights for samples of {@code input} shape, drawing them from the model's generator. */
    public Sequential build(FeatureShape input) {
        if (isBuilt()) {
            throw new IllegalStateException("The model is already built for inputs of shape " + inputShape);
        }
        LayerContext context = new LayerContext(backend, rng);
        FeatureShape shape = input;
        for (Layer layer : layers) {
            shape = layer.build(context, shape);
            parameters.addAll(layer.parameters());
        }
        this.inputShape = input;
        return this;
    }

    public boolean isBuilt() {
        return inputShape != null;
    }

    /** The width of an input sample; the model must be built. */
    public int inputDim() {
        requireBuilt();
        return inputShape.width();
    }

    /** The width of an output sample. */
    public int outputDim() {
        requireBuilt();
        return layers.get(layers.size() - 1).outputShape().width();
    }

    /**
     * Chooses optimizer, loss and metrics, as Keras's {@code compile}. Where the loss has a closed-form
     * gradient through the last layer's activation (sigmoid with binary cross-entropy, softmax with
     * categorical cross-entropy), that fused gradient is chosen here, once.
     */
    public Sequential compile(Optimizer optimizer, Loss loss, Metric... metrics) {
        Layer last = layers.get(layers.size() - 1);
        boolean fused = last instanceof ActivatedLayer a && loss.fusesWith(a.activation());
        if (last instanceof ActivatedLayer a) {
            a.fuseActivationWithLoss(fused);
        }
        this.compiled = new Compiled(optimizer, loss, List.of(metrics), fused);
        return this;
    }

    public boolean isCompiled() {
        return compiled != null;
    }

    /** Trains without validation data. */
    public History fit(Features x, Targets y, int epochs, int batchSize, TrainingListener... listeners) {
        return fit(x, y, epochs, batchSize, null, listeners);
    }

    /**
     * Trains for {@code epochs} epochs of shuffled mini-batches, evaluating {@code validation} (if given)
     * after each epoch with the same batch size. Each call shuffles from where the model's generator stands,
     * so two calls of 2 epochs give the run of one call of 4.
     *
     * @throws dev.nn.api.training.TrainingDivergedException when the loss becomes NaN or infinite
     */
    public History fit(Features x, Targets y, int epochs, int batchSize, ValidationData validation,
            TrainingListener... listeners) {
        requireCompiled();
        checkSamples(x, y);
        positive("epochs", epochs);
        positive("batchSize", batchSize);
        ensureBuilt(x);
        return new FitLoop(this, x, y, epochs, batchSize, validation, listeners).run();
    }

    /** One training step on a batch: forward, loss, backward, optimizer. Returns the batch's sums. */
    double[] trainStep(Features xb, Targets yb) {
        try (Tensor input = upload(xb)) {
            float[] pred = backend.download(forward(input, true));
            double[] sums = sums(pred, yb);
            if (!Double.isFinite(sums[0])) {
                return sums;
            }
            float[] grad = new float[pred.length];
            if (compiled.fused()) {
                compiled.loss().preActivationGradient(pred, yb, grad);
            } else {
                compiled.loss().gradient(pred, yb, grad);
            }
            try (Tensor g = backend.upload(grad, yb.rows(), yb.width())) {
                Tensor gradient = g;
                for (int i = layers.size() - 1; i > 0; i--) {
                    gradient = layers.get(i).backward(gradient, layers.get(i - 1).gradientGate());
                }
                layers.get(0).backwardParameters(gradient);
            }
            compiled.optimizer().apply(parameters);
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

    Map<String, Double> evaluate(Features x, Targets y, int batchSize, String prefix) {
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
        Map<String, Double> values = means.values(prefix);
        values.forEach((k, v) -> {
            if (!Double.isFinite(v)) {
                LOG.warn("{}: {} is {} on {} samples; the inputs or targets hold NaN or infinite values, or the "
                        + "weights diverged", prefix.isEmpty() ? "evaluate" : "validation", k, v, x.rows());
            }
        });
        return values;
    }

    /** The model outputs (probabilities for sigmoid/softmax outputs), batch size 32 as Keras. */
    public DenseMatrix predict(Features x) {
        return predict(x, DEFAULT_BATCH_SIZE);
    }

    /** The model outputs for every row of {@code x}, computed in batches of {@code batchSize}. */
    public DenseMatrix predict(Features x, int batchSize) {
        positive("batchSize", batchSize);
        ensureBuilt(x);
        int width = outputDim();
        float[] out = new float[Math.multiplyExact(x.rows(), width)];
        for (int from = 0; from < x.rows(); from += batchSize) {
            int to = Math.min(x.rows(), from + batchSize);
            float[] batch = predictBatch(x.slice(from, to));
            System.arraycopy(batch, 0, out, from * width, batch.length);
        }
        for (float v : out) {
            if (!Float.isFinite(v)) {
                LOG.warn("predict: some outputs are {} ; the inputs hold NaN or infinite values, or the weights "
                        + "diverged", v);
                break;
            }
        }
        return new DenseMatrix(out, x.rows(), width);
    }

    private float[] predictBatch(Features xb) {
        try (Tensor input = upload(xb)) {
            return backend.download(forward(input, false));
        }
    }

    private Tensor forward(Tensor input, boolean training) {
        Tensor t = input;
        for (Layer layer : layers) {
            t = layer.forward(t, training);
        }
        return t;
    }

    private double[] sums(float[] pred, Targets yb) {
        List<Metric> metrics = compiled.metrics();
        double[] sums = new double[1 + metrics.size()];
        sums[0] = compiled.loss().sum(pred, yb);
        for (int i = 0; i < metrics.size(); i++) {
            sums[i + 1] = metrics.get(i).sum(pred, yb);
        }
        return sums;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys.add("loss");
        compiled.metrics().forEach(m -> keys.add(m.name()));
        return keys;
    }

    private Tensor upload(Features xb) {
        if (xb instanceof MultiHotRows rows) {
            return backend.upload(rows);
        }
        DenseMatrix m = (DenseMatrix) xb;
        return backend.upload(m.data(), m.rows(), m.cols());
    }

    SeededRandom rng() {
        return rng;
    }

    /**
     * The sample order the next epoch shuffles: the last epoch's when it had {@code n} samples, so that a fit
     * continues the permutation of the fit before it; else {@code 0, 1, ..., n - 1}.
     */
    int[] epochOrder(int n) {
        if (order.length != n) {
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        }
        return order;
    }

    private void ensureBuilt(Features x) {
        if (!isBuilt()) {
            build(x.cols());
        } else if (x.cols() != inputShape.width()) {
            throw new ShapeException("Sequential: expected inputs of width " + inputShape.width() + ", received "
                    + x.cols() + " (shape (" + x.rows() + ", " + x.cols() + "))");
        }
    }

    private void requireBuilt() {
        if (!isBuilt()) {
            throw new IllegalStateException("The model is not built: call build(inputDim), or fit, first");
        }
    }

    private void requireCompiled() {
        if (compiled == null) {
            throw new IllegalStateException("The model is not compiled: call compile(optimizer, loss, metrics...) first");
        }
    }

    private static void checkSamples(Features x, Targets y) {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("Received " + x.rows() + " samples and " + y.rows()
                    + " targets, expected as many of each");
        }
    }

    static void positive(String name, int value) {
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

    /** The optimizer chosen at compile. */
    public Optimizer optimizer() {
        requireCompiled();
        return compiled.optimizer();
    }

    /** The loss chosen at compile. */
    public Loss loss() {
        requireCompiled();
        return compiled.loss();
    }

    /** The metrics chosen at compile. */
    public List<Metric> metrics() {
        requireCompiled();
        return compiled.metrics();
    }

    /** Every trainable parameter, layer by layer (kernel, then bias), the order of Keras's {@code trainable_variables}. */
    public List<Parameter> parameters() {
        requireBuilt();
        return List.copyOf(parameters);
    }

    /** Copies of the weights, layer by layer (kernel, then bias), as Keras's {@code get_weights()}. */
    public List<float[]> weights() {
        return parameters.stream().map(p -> backend.download(p.value())).toList();
    }

    /**
     * The state of the generator that draws the next shuffle and dropout masks. Saved with the model so that
     * training resumed from a file continues the same run; see {@link #restoreTrainingState}.
     */
    public long randomState() {
        return rng.state();
    }

    /** The sample order of the last epoch trained (empty before any), which the next epoch shuffles further. */
    public int[] shuffleOrder() {
        return order.clone();
    }

    /**
     * Continues training from a generator state and a sample order read with {@link #randomState()} and
     * {@link #shuffleOrder()}: the next {@code fit} shuffles and drops exactly as the run that saved them would have.
     *
     * @throws IllegalArgumentException if {@code order} is not a permutation of {@code 0 .. n-1}
     */
    public void restoreTrainingState(long randomState, int[] order) {
        boolean[] seen = new boolean[order.length];
        for (int i : order) {
            if (i < 0 || i >= order.length || seen[i]) {
                throw new IllegalArgumentException("Received a shuffle order that is not a permutation of 0.."
                        + (order.length - 1));
            }
            seen[i] = true;
        }
        rng.setState(randomState);
        this.order = order.clone();
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}
