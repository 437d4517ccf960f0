package dev.nn.keras;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Parameter;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Optimizer;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code model.weights.h5} in Keras 3's layout: {@code layers/<path>/vars/0..n} per layer (kernel
 * {@code (inputs, units)}, bias {@code (units,)}), {@code optimizer/vars/0..n} (iteration, learning rate, then each
 * trainable variable's slots in Keras's order), an empty root {@code vars}, and this project's training state.
 */
final class H5Writer {

    /**
     * The shuffle state that resuming needs, as one int64 dataset at the root: {@code [1, generator state, n,
     * order...]}. Keras reads only the paths it knows and ignores it.
     */
    static final String TRAINING_STATE = "nn_training_state";

    private H5Writer() {
    }

    static byte[] write(Sequential model) throws IOException {
        Path tmp = Files.createTempFile("nn-keras-", ".weights.h5");
        try {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                WritableGroup layers = f.putGroup("layers");
                List<Layer> ls = model.layers();
                List<String> classes = ls.stream().map(Layer::className).toList();
                List<String> paths = KerasConfig.weightPaths(classes);
                for (int i = 0; i < ls.size(); i++) {
                    WritableGroup vars = layers.putGroup(paths.get(i).substring("layers/".length())).putGroup("vars");
                    vars.putAttribute("name", ls.get(i).name());
                    List<Parameter> ps = ls.get(i).parameters();
                    for (int j = 0; j < ps.size(); j++) {
                        vars.putDataset(String.valueOf(j), kerasArray(ps.get(j), ps.get(j).value()));
                    }
                }
                if (model.isCompiled()) {
                    optimizer(f, model);
                }
                f.putGroup("vars").putAttribute("name", "sequential");
                f.putDataset(TRAINING_STATE, trainingState(model));
                List<String> order = new ArrayList<>(f.getChildren().keySet());
                // jhdf 0.9.4 writes its trailer at the end of the last dataset it wrote, over any group written
                // after it: the training state must be the last root child so that nothing follows it.
                if (!order.get(order.size() - 1).equals(TRAINING_STATE)) {
                    throw new IllegalStateException("jhdf would write the root children in the order " + order
                            + "; " + TRAINING_STATE + " must come last");
                }
            }
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void optimizer(WritableGroup f, Sequential model) {
        Optimizer o = model.optimizer();
        WritableGroup vars = f.putGroup("optimizer").putGroup("vars");
        vars.putAttribute("name", CompileConfig.optimizerInstanceName(o));
        vars.putDataset("0", (int) Math.min(Integer.MAX_VALUE, o.iterations()));
        vars.putDataset("1", o.learningRate());
        int index = 2;
        for (Parameter p : model.parameters()) {
            for (String slot : o.slotNames()) {
                vars.putDataset(String.valueOf(index++), kerasArray(p, o.slot(slot, p)));
            }
        }
    }

    private static long[] trainingState(Sequential model) {
        int[] order = model.shuffleOrder();
        long[] state = new long[3 + order.length];
        state[0] = 1;
        state[1] = model.randomState();
        state[2] = order.length;
        for (int i = 0; i < order.length; i++) {
            state[3 + i] = order[i];
        }
        return state;
    }

    /** A bias as Keras's {@code (units,)}; every other weight as its {@code (rows, cols)}. */
    static boolean isVector(Parameter p) {
        return p.name().endsWith("/bias");
    }

    private static Object kerasArray(Parameter p, Tensor t) {
        float[] flat = t.toHost();
        if (isVector(p)) {
            return flat;
        }
        float[][] rows = new float[t.rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * t.cols(), (r + 1) * t.cols());
        }
        return rows;
    }
}
