package dev.nn.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.api.layers.BaseLayer;
import dev.nn.api.layers.Layer;
import dev.nn.api.models.Sequential;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code config.json}: the Sequential model in Keras 3's serialisation schema, written and read (validated). */
final class KerasConfig {

    static final ObjectMapper JSON = new ObjectMapper();

    private KerasConfig() {
    }

    /**
     * What a file's config describes.
     *
     * @param inputWidth features per sample
     * @param layers     the layers, named as in the file
     * @param paths      each layer's path in {@code model.weights.h5} ({@code layers/dense_1})
     * @param stateVars  per layer, the variables the file holds beyond its trainable parameters
     * @param compile    the compile config, or null for a model never compiled
     */
    record Model(int inputWidth, List<Layer> layers, List<String> paths, List<Integer> stateVars,
            CompileConfig.Compile compile) {
    }

    static ObjectNode object(String module, String className, JsonNode config) {
        ObjectNode o = JSON.createObjectNode();
        o.put("module", module);
        o.put("class_name", className);
        o.set("config", config);
        o.putNull("registered_name");
        return o;
    }

    private static ObjectNode dtypePolicy() {
        return object("keras", "DTypePolicy", JSON.createObjectNode().put("name", "float32"));
    }

    private static ArrayNode batchShape(int width) {
        return JSON.createArrayNode().addNull().add(width);
    }

    /** The paths Keras gives layers in the weights file: snake-case class name, numbered per class. */
    static List<String> weightPaths(List<String> classNames) {
        Map<String, Integer> used = new HashMap<>();
        List<String> paths = new ArrayList<>();
        for (String className : classNames) {
            String base = BaseLayer.snakeCase(className);
            int n = used.merge(base, 1, Integer::sum) - 1;
            paths.add("layers/" + (n == 0 ? base : base + "_" + n));
        }
        return paths;
    }

    static byte[] write(Sequential model) throws IOException {
        int width = model.inputDim();
        ArrayNode layers = JSON.createArrayNode();
        layers.add(object("keras.layers", "InputLayer", JSON.createObjectNode()
                .<ObjectNode>set("batch_shape", batchShape(width)).put("dtype", "float32").put("sparse", false)
                .put("ragged", false).put("name", "input_layer").put("optional", false)));
        for (Layer l : model.layers()) {
            LayerCodec codec = LayerCodecs.of(l.className());
            if (codec == null) {
                throw new IllegalArgumentException("Cannot save a " + l.className() + " layer (" + l.name()
                        + "); supported: " + LayerCodecs.supported());
            }
            ObjectNode config = JSON.createObjectNode().put("name", l.name()).put("trainable", true);
            config.set("dtype", dtypePolicy());
            codec.toConfig(l, config);
            ObjectNode entry = object("keras.layers", l.className(), config);
            entry.set("build_config", JSON.createObjectNode().set("input_shape", batchShape(width)));
            layers.add(entry);
            width = l.outputShape().width();
        }
        ObjectNode config = JSON.createObjectNode().put("name", "sequential").put("trainable", true);
        config.set("dtype", dtypePolicy());
        config.set("layers", layers);
        config.set("build_input_shape", batchShape(model.inputDim()));
        ObjectNode root = object("keras", "Sequential", config);
        root.set("build_config", JSON.createObjectNode().set("input_shape", batchShape(model.inputDim())));
        if (model.isCompiled()) {
            root.set("compile_config", CompileConfig.write(model));
        }
        return JSON.writeValueAsBytes(root);
    }

    static Model read(Path file, byte[] json, H5Weights weights) throws KerasFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new KerasFormatException(file, Archive.CONFIG, "is not valid JSON: " + e.getMessage(), e);
        }
        Reader top = new Reader(file, "model", root, weights, null);
        String cls = top.string("class_name");
        if (!cls.equals("Sequential")) {
            throw top.refuse("a " + cls + " model is not supported; only Sequential models (no functional or "
                    + "subclassed models)");
        }
        top.requireNull("registered_name");
        Reader config = top.child("config");
        List<JsonNode> entries = config.array("layers");
        Integer width = config.optionalBatchWidth("build_input_shape");
        List<Layer> layers = new ArrayList<>();
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Reader entry = new Reader(file, "layer " + i, entries.get(i), weights, null);
            String layerClass = entry.string("class_name");
            entry.requireNull("registered_name");
            if (layerClass.equals("InputLayer")) {
                if (i != 0) {
                    throw entry.refuse("an InputLayer after the first layer is not supported");
                }
                width = entry.child("config").batchWidth(entry.child("config").has("batch_shape") ? "batch_shape"
                        : "batch_input_shape");
                continue;
            }
            LayerCodec codec = LayerCodecs.of(layerClass);
            if (codec == null) {
                throw entry.refuse("layer class " + layerClass + " is not supported; supported: InputLayer, "
                        + String.join(", ", LayerCodecs.supported()));
            }
            readers.add(entry);
            layers.add(null);
        }
        List<String> classes = new ArrayList<>();
        for (Reader r : readers) {
            classes.add(r.string("class_name"));
        }
        List<String> paths = weightPaths(classes);
        List<Integer> stateVars = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) {
            Reader entry = readers.get(i);
            Reader c = new Reader(file, "layer " + entry.node.path("config").path("name").asText(String.valueOf(i))
                    + " (" + entry.string("class_name") + ")", entry.node.path("config"), weights, paths.get(i));
            c.requireFloat32Policy();
            if (width == null) {
                width = entry.has("build_config") ? entry.child("build_config").batchWidth("input_shape") : null;
            }
            Layer layer = LayerCodecs.of(entry.string("class_name")).fromConfig(c);
            String name = c.optionalString("name", null);
            if (name != null) {
                try {
                    layer.named(name);
                } catch (IllegalArgumentException e) {
                    throw c.refuse(e.getMessage());
                }
            }
            layers.set(i, layer);
            stateVars.add(c.stateVars);
        }
        if (layers.isEmpty()) {
            throw config.refuse("the model has no layers");
        }
        if (width == null) {
            throw config.refuse("the input shape is not recorded (no InputLayer and no build_config): the model "
                    + "was never built");
        }
        JsonNode compile = root.get("compile_config");
        CompileConfig.Compile c = compile == null || compile.isNull() || compile.isEmpty() ? null
                : CompileConfig.read(new Reader(file, "compile_config", compile, weights, null));
        return new Model(width, layers, paths, stateVars, c);
    }

    /** Reads one JSON object, refusing with the file and a location in every message. */
    static final class Reader {

        final Path file;
        final String where;
        final JsonNode node;
        final H5Weights weights;
        final String weightPath;
        int stateVars;

        Reader(Path file, String where, JsonNode node, H5Weights weights, String weightPath)
                throws KerasFormatException {
            this.file = file;
            this.where = where;
            this.node = node;
            this.weights = weights;
            this.weightPath = weightPath;
            if (node == null || !node.isObject()) {
                throw refuse("expected a JSON object");
            }
        }

        KerasFormatException refuse(String problem) {
            return new KerasFormatException(file, Archive.CONFIG + " " + where, problem);
        }

        boolean has(String key) {
            return node.has(key) && !node.get(key).isNull();
        }

        Reader child(String key) throws KerasFormatException {
            if (!has(key)) {
                throw refuse("missing '" + key + "'");
            }
            return new Reader(file, where + "." + key, node.get(key), weights, weightPath);
        }

        String string(String key) throws KerasFormatException {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual()) {
                throw refuse("'" + key + "' must be a string, received " + v);
            }
            return v.asText();
        }

        String optionalString(String key, String otherwise) throws KerasFormatException {
            return has(key) ? string(key) : otherwise;
        }

        double number(String key) throws KerasFormatException {
            JsonNode v = node.get(key);
            if (v == null || !v.isNumber()) {
                throw refuse("'" + key + "' must be a number, received " + v);
            }
            return v.asDouble();
        }

        double optionalNumber(String key, double otherwise) throws KerasFormatException {
            return has(key) ? number(key) : otherwise;
        }

        int optionalInt(String key, int otherwise) throws KerasFormatException {
            if (!has(key)) {
                return otherwise;
            }
            JsonNode v = node.get(key);
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw refuse("'" + key + "' must be an integer, received " + v);
            }
            return v.asInt();
        }

        int positiveInt(String key) throws KerasFormatException {
            JsonNode v = node.get(key);
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
                throw refuse("'" + key + "' must be a positive integer, received " + v);
            }
            return v.asInt();
        }

        boolean optionalBoolean(String key, boolean otherwise) throws KerasFormatException {
            if (!has(key)) {
                return otherwise;
            }
            if (!node.get(key).isBoolean()) {
                throw refuse("'" + key + "' must be true or false, received " + node.get(key));
            }
            return node.get(key).asBoolean();
        }

        void requireNull(String key) throws KerasFormatException {
            if (has(key)) {
                throw refuse("'" + key + "' is set (" + abbreviate(node.get(key)) + "); only null is supported");
            }
        }

        List<JsonNode> array(String key) throws KerasFormatException {
            JsonNode v = node.get(key);
            if (v == null || !v.isArray()) {
                throw refuse("'" + key + "' must be a list");
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }

        float[] optionalFloats(String key) throws KerasFormatException {
            if (!has(key)) {
                return null;
            }
            JsonNode v = node.get(key);
            if (!v.isArray() || v.isEmpty()) {
                throw refuse("'" + key + "' must be a non-empty list of numbers");
            }
            float[] out = new float[v.size()];
            for (int i = 0; i < out.length; i++) {
                if (!v.get(i).isNumber()) {
                    throw refuse("'" + key + "' must be a list of numbers, received " + abbreviate(v.get(i)));
                }
                out[i] = (float) v.get(i).asDouble();
            }
            return out;
        }

        /** {@code [null, width]}: the width. */
        Integer batchWidth(String key) throws KerasFormatException {
            JsonNode v = node.get(key);
            if (v == null || !v.isArray() || v.size() != 2 || !v.get(0).isNull() || !v.get(1).isIntegralNumber()
                    || v.get(1).asInt() < 1) {
                throw refuse("'" + key + "' is " + abbreviate(v) + "; only inputs of shape [null, width] (one "
                        + "feature axis) are supported");
            }
            return v.get(1).asInt();
        }

        Integer optionalBatchWidth(String key) throws KerasFormatException {
            return has(key) ? batchWidth(key) : null;
        }

        /** The layer's dtype policy must be float32. */
        void requireFloat32Policy() throws KerasFormatException {
            JsonNode d = node.get("dtype");
            String name = d == null || d.isNull() ? "float32" : d.isTextual() ? d.asText()
                    : d.path("config").path("name").asText("");
            if (!name.equals("float32")) {
                throw refuse("dtype '" + name + "' is not supported; only float32");
            }
        }

        /** An adapted Normalization's mean and variance, from its variables 0 and 1 (2 is the count). */
        float[][] adaptedStatistics() throws KerasFormatException {
            Map<String, io.jhdf.api.Node> vars = weights.vars(weightPath);
            if (vars.size() != 3) {
                throw refuse("has no mean and variance in its config and " + vars.size() + " variables in the "
                        + "weights, expected 3 (mean, variance, count)");
            }
            int width = vars.get("0") instanceof io.jhdf.api.Dataset d && d.getDimensions().length == 1
                    ? d.getDimensions()[0] : -1;
            if (width < 1) {
                throw refuse("its mean variable is not one-dimensional");
            }
            stateVars = 3;
            return new float[][] {weights.floats(weightPath + "/vars/0", width),
                weights.floats(weightPath + "/vars/1", width)};
        }

        static String abbreviate(JsonNode v) {
            String s = String.valueOf(v);
            return s.length() <= 80 ? s : s.substring(0, 80) + "...";
        }
    }
}
