package dev.nn.keras;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.api.Tensor;
import dev.nn.api.layers.FeatureShape;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Parameter;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.spi.Backend;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Keras 3 {@code .keras} files for {@link Sequential} models, as {@code model.save(...)} and
 * {@code keras.saving.load_model(...)} handle them. Supported: Sequential models of Dense (any width; relu,
 * sigmoid, tanh, softmax, linear; with or without bias), Dropout and Normalization layers, float32, compiled
 * with RMSprop, Adam or SGD (no momentum) and the chapter's losses and metrics, or not compiled.
 *
 * <pre>{@code
 * KerasModels.save(model, Path.of("imdb.keras"));          // opens in Python: keras.saving.load_model("imdb.keras")
 * Sequential again = KerasModels.load(Path.of("imdb.keras"), backend);
 * again.fit(x, y, 2, 512);                                  // continues: weights, optimizer state and shuffle
 * }</pre>
 */
public final class KerasModels {

    /** The Keras version whose file format this module writes and reads. */
    public static final String KERAS_FORMAT_VERSION = "3.16.0";

    private KerasModels() {
    }

    /**
     * Writes {@code model} (built; compiled or not) to {@code path}, through a temporary file in the same
     * folder that is moved into place. The optimizer's state and the shuffle state go with it.
     *
     * @throws IllegalArgumentException if the path does not end in {@code .keras}, the model is not built, or it
     *                                  holds a layer or optimizer the format here does not cover
     */
    public static void save(Sequential model, Path path) throws IOException {
        if (!path.getFileName().toString().endsWith(".keras")) {
            throw new IllegalArgumentException("Invalid filepath, expected a .keras extension. Received: " + path);
        }
        if (!model.isBuilt()) {
            throw new IllegalArgumentException("The model is not built: build or fit it before saving");
        }
        byte[] config = KerasConfig.write(model);
        byte[] weights = H5Writer.write(model);
        ObjectNode metadata = KerasConfig.JSON.createObjectNode().put("keras_version", KERAS_FORMAT_VERSION)
                .put("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")))
                .put("saved_by", "nn-keras (Java)");
        Archive.write(path, KerasConfig.JSON.writeValueAsBytes(metadata), config, weights);
    }

    /**
     * Reads the model in {@code path} onto {@code backend}: its layers and weights, and when it was compiled its
     * optimizer (with its state), loss and metrics. Files written here also restore the shuffle state.
     *
     * @throws KerasFormatException for anything malformed or outside the supported subset, naming the file, the
     *                              member or layer, and what is supported
     * @throws IOException          if the file cannot be read
     */
    public static Sequential load(Path path, Backend backend) throws IOException {
        Map<String, byte[]> members = Archive.read(path, Archive.CONFIG, Archive.WEIGHTS);
        for (String required : List.of(Archive.CONFIG, Archive.WEIGHTS)) {
            if (!members.containsKey(required)) {
                throw new KerasFormatException(path, required, "is missing; a .keras file holds metadata.json, "
                        + "config.json and model.weights.h5");
            }
        }
        try (H5Weights h5 = H5Weights.open(path, members.get(Archive.WEIGHTS))) {
            KerasConfig.Model spec = KerasConfig.read(path, members.get(Archive.CONFIG), h5);
            Sequential model;
            try {
                model = new Sequential(backend, 0, spec.layers().toArray(Layer[]::new));
                model.build(FeatureShape.of(spec.inputWidth()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new KerasFormatException(path, Archive.CONFIG, e.getMessage(), e);
            }
            for (int i = 0; i < spec.layers().size(); i++) {
                loadLayer(path, h5, spec.paths().get(i), spec.layers().get(i), spec.stateVars().get(i));
            }
            if (spec.compile() != null) {
                CompileConfig.Compile c = spec.compile();
                model.compile(c.optimizer(), c.loss(), c.metrics().toArray(dev.nn.api.metrics.Metric[]::new));
                loadOptimizer(path, h5, model);
            }
            restoreTrainingState(path, h5, model);
            return model;
        }
    }

    private static void loadLayer(Path path, H5Weights h5, String at, Layer layer, int stateVars)
            throws KerasFormatException {
        Map<String, Node> vars = h5.vars(at);
        List<Parameter> ps = layer.parameters();
        if (vars.size() != ps.size() + stateVars) {
            throw new KerasFormatException(path, Archive.WEIGHTS + " " + at, "layer " + layer.name() + " ("
                    + layer.className() + ") has " + vars.size() + " variables, its config needs "
                    + (ps.size() + stateVars));
        }
        for (int j = 0; j < ps.size(); j++) {
            Parameter p = ps.get(j);
            ps.get(j).set(h5.floats(at + "/vars/" + j, kerasShape(p)));
        }
    }

    private static int[] kerasShape(Parameter p) {
        return H5Writer.isVector(p) ? new int[] {p.value().cols()} : new int[] {p.value().rows(), p.value().cols()};
    }

    private static void loadOptimizer(Path path, H5Weights h5, Sequential model) throws KerasFormatException {
        Map<String, Node> vars = h5.vars("optimizer");
        Optimizer o = model.optimizer();
        List<Parameter> ps = model.parameters();
        int full = 2 + ps.size() * o.slotNames().size();
        if (vars.isEmpty()) {
            return; // compiled but never trained in Keras: a fresh optimizer
        }
        if (vars.size() != full && vars.size() != 2) {
            throw new KerasFormatException(path, Archive.WEIGHTS + " optimizer", "has " + vars.size()
                    + " variables; " + o.name() + " over " + ps.size() + " weights has " + full);
        }
        long iterations = h5.scalarInteger("optimizer/vars/0");
        if (iterations < 0) {
            throw new KerasFormatException(path, Archive.WEIGHTS + " optimizer/vars/0", "iteration " + iterations
                    + " is negative");
        }
        o.setIterations(iterations);
        if (vars.size() == 2) {
            return;
        }
        int index = 2;
        for (Parameter p : ps) {
            for (String slot : o.slotNames()) {
                float[] values = h5.floats("optimizer/vars/" + index++, kerasShape(p));
                Tensor t = o.slot(slot, p);
                try (Tensor v = t.backend().upload(values, t.rows(), t.cols())) {
                    t.backend().copy(v, t);
                }
            }
        }
    }

    private static void restoreTrainingState(Path path, H5Weights h5, Sequential model) throws KerasFormatException {
        long[] state = h5.rootLongs(H5Writer.TRAINING_STATE);
        if (state == null) {
            return;
        }
        if (state.length < 3 || state[0] != 1 || state[2] != state.length - 3) {
            throw new KerasFormatException(path, Archive.WEIGHTS + " " + H5Writer.TRAINING_STATE, "is not a "
                    + "training state of format 1 (" + Arrays.toString(Arrays.copyOf(state, Math.min(3,
                            state.length))) + "...)");
        }
        int[] order = new int[state.length - 3];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) state[3 + i];
        }
        try {
            model.restoreTrainingState(state[1], order);
        } catch (IllegalArgumentException e) {
            throw new KerasFormatException(path, Archive.WEIGHTS + " " + H5Writer.TRAINING_STATE, e.getMessage(), e);
        }
    }
}
