package dev.nn.keras;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Normalization;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The layer classes a {@code .keras} file may hold here: one codec each. A new layer adds one entry. */
final class LayerCodecs {

    private static final Map<String, LayerCodec> CODECS = List.of(new DenseCodec(), new DropoutCodec(),
            new NormalizationCodec()).stream().collect(Collectors.toUnmodifiableMap(LayerCodec::className,
                    Function.identity()));

    private LayerCodecs() {
    }

    /** The supported class names, sorted. */
    static List<String> supported() {
        return CODECS.keySet().stream().sorted().toList();
    }

    /** The codec of {@code className}, or null. */
    static LayerCodec of(String className) {
        return CODECS.get(className);
    }

    /** Keras's {@code Dense}: units, activation, use_bias; Glorot-uniform and zeros initialisers, no regularisers. */
    static final class DenseCodec implements LayerCodec {

        @Override
        public String className() {
            return "Dense";
        }

        @Override
        public Layer fromConfig(KerasConfig.Reader c) throws KerasFormatException {
            int units = c.positiveInt("units");
            String activation = c.optionalString("activation", "linear");
            Activation a;
            try {
                a = Activation.of(activation);
            } catch (IllegalArgumentException e) {
                throw c.refuse("activation '" + activation + "' is not supported; supported: linear, relu, sigmoid, "
                        + "tanh, softmax");
            }
            boolean useBias = c.optionalBoolean("use_bias", true);
            for (String absent : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                    "kernel_constraint", "bias_constraint", "lora_rank")) {
                c.requireNull(absent);
            }
            return useBias ? Dense.of(units, a) : Dense.withoutBias(units, a);
        }

        @Override
        public void toConfig(Layer layer, ObjectNode config) {
            Map<String, Object> own = layer.config();
            config.put("units", (Integer) own.get("units"));
            config.put("activation", (String) own.get("activation"));
            config.put("use_bias", (Boolean) own.get("use_bias"));
            config.set("kernel_initializer", KerasConfig.object("keras.initializers", "GlorotUniform",
                    KerasConfig.JSON.createObjectNode().putNull("seed")));
            config.set("bias_initializer", KerasConfig.object("keras.initializers", "Zeros",
                    KerasConfig.JSON.createObjectNode()));
            for (String absent : List.of("kernel_regularizer", "bias_regularizer", "kernel_constraint",
                    "bias_constraint")) {
                config.putNull(absent);
            }
        }
    }

    /** Keras's {@code Dropout(rate)}; {@code noise_shape} and {@code seed} must be unset. */
    static final class DropoutCodec implements LayerCodec {

        @Override
        public String className() {
            return "Dropout";
        }

        @Override
        public Layer fromConfig(KerasConfig.Reader c) throws KerasFormatException {
            double rate = c.number("rate");
            c.requireNull("noise_shape");
            try {
                return Dropout.of(rate);
            } catch (IllegalArgumentException e) {
                throw c.refuse(e.getMessage());
            }
        }

        @Override
        public void toConfig(Layer layer, ObjectNode config) {
            config.put("rate", ((Dropout) layer).rate());
            config.putNull("seed");
            config.putNull("noise_shape");
        }
    }

    /**
     * Keras's {@code Normalization} over the last axis, with its mean and variance either in the config
     * ({@code Normalization(mean=..., variance=...)}, as this project writes it) or as its three variables
     * (mean, variance, count) after {@code adapt()}.
     */
    static final class NormalizationCodec implements LayerCodec {

        @Override
        public String className() {
            return "Normalization";
        }

        @Override
        public Layer fromConfig(KerasConfig.Reader c) throws KerasFormatException {
            if (c.optionalBoolean("invert", false)) {
                throw c.refuse("invert=True is not supported");
            }
            int axis = c.optionalInt("axis", -1);
            if (axis != -1 && axis != 1) {
                throw c.refuse("axis=" + axis + " is not supported; only the last axis (-1)");
            }
            float[] mean = c.optionalFloats("mean");
            float[] variance = c.optionalFloats("variance");
            if (mean == null || variance == null) {
                float[][] adapted = c.adaptedStatistics();
                mean = adapted[0];
                variance = adapted[1];
            }
            try {
                return Normalization.of(mean, variance);
            } catch (IllegalArgumentException e) {
                throw c.refuse(e.getMessage());
            }
        }

        @Override
        public void toConfig(Layer layer, ObjectNode config) {
            Normalization n = (Normalization) layer;
            config.put("axis", -1);
            config.put("invert", false);
            ArrayNode mean = config.putArray("mean");
            for (float v : n.mean()) {
                mean.add(v);
            }
            ArrayNode variance = config.putArray("variance");
            for (float v : n.variance()) {
                variance.add(v);
            }
        }
    }
}
