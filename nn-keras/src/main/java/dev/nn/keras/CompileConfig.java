package dev.nn.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.api.losses.Loss;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.optimizers.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code compile_config} of a model: optimizer, loss and metrics, for the Chapter 3 choices. */
final class CompileConfig {

    private CompileConfig() {
    }

    /** A compile config read from a file: the optimizer (not yet stepped), the loss and the metrics. */
    record Compile(Optimizer optimizer, Loss loss, List<Metric> metrics) {
    }

    /** Keras's class name and default instance name of each optimizer. */
    private static String[] kerasOptimizer(Optimizer o) {
        return switch (o.name()) {
            case "rmsprop" -> new String[] {"RMSprop", "rm_sprop"};
            case "adam" -> new String[] {"Adam", "adam"};
            case "sgd" -> new String[] {"SGD", "sgd"};
            default -> throw new IllegalArgumentException("Cannot save optimizer " + o + "; supported: RMSprop, "
                    + "Adam, SGD");
        };
    }

    static String optimizerInstanceName(Optimizer o) {
        return kerasOptimizer(o)[1];
    }

    static ObjectNode write(Sequential model) {
        Optimizer o = model.optimizer();
        String[] names = kerasOptimizer(o);
        ObjectNode oc = KerasConfig.JSON.createObjectNode().put("name", names[1]);
        Map<String, Object> settings = o.config();
        oc.put("learning_rate", (Double) settings.get("learning_rate"));
        for (String absent : List.of("weight_decay", "clipnorm", "global_clipnorm", "clipvalue")) {
            oc.putNull(absent);
        }
        oc.put("use_ema", false).put("ema_momentum", 0.99).putNull("ema_overwrite_frequency")
                .putNull("loss_scale_factor").putNull("gradient_accumulation_steps");
        settings.forEach((k, v) -> {
            if (!k.equals("learning_rate")) {
                oc.putPOJO(k, v);
            }
        });
        ObjectNode c = KerasConfig.JSON.createObjectNode();
        c.set("optimizer", KerasConfig.object("keras.optimizers", names[0], oc));
        c.put("loss", model.loss().name());
        c.putNull("loss_weights");
        ArrayNode metrics = c.putArray("metrics");
        model.metrics().forEach(m -> metrics.add(m.name()));
        c.putNull("weighted_metrics");
        c.put("run_eagerly", false).put("steps_per_execution", 1).put("jit_compile", false);
        return c;
    }

    static Compile read(KerasConfig.Reader c) throws KerasFormatException {
        KerasConfig.Reader opt = c.child("optimizer");
        opt.requireNull("registered_name");
        String cls = opt.string("class_name");
        KerasConfig.Reader oc = opt.child("config");
        for (String absent : List.of("weight_decay", "clipnorm", "global_clipnorm", "clipvalue",
                "loss_scale_factor", "gradient_accumulation_steps")) {
            oc.requireNull(absent);
        }
        if (oc.optionalBoolean("use_ema", false)) {
            throw oc.refuse("use_ema=True is not supported");
        }
        if (oc.has("learning_rate") && !oc.node.get("learning_rate").isNumber()) {
            throw oc.refuse("a learning-rate schedule is not supported; only a constant learning_rate");
        }
        Optimizer optimizer;
        try {
            optimizer = switch (cls) {
                case "RMSprop" -> {
                    zero(oc, "momentum");
                    if (oc.optionalBoolean("centered", false)) {
                        throw oc.refuse("centered=True is not supported");
                    }
                    yield new RmsProp(f(oc, "learning_rate", 0.001), f(oc, "rho", 0.9), f(oc, "epsilon", 1e-7));
                }
                case "Adam" -> {
                    if (oc.optionalBoolean("amsgrad", false)) {
                        throw oc.refuse("amsgrad=True is not supported");
                    }
                    yield new Adam(f(oc, "learning_rate", 0.001), f(oc, "beta_1", 0.9), f(oc, "beta_2", 0.999),
                            f(oc, "epsilon", 1e-7));
                }
                case "SGD" -> {
                    zero(oc, "momentum");
                    if (oc.optionalBoolean("nesterov", false)) {
                        throw oc.refuse("nesterov=True is not supported");
                    }
                    yield new Sgd(f(oc, "learning_rate", 0.01));
                }
                default -> throw opt.refuse("optimizer " + cls + " is not supported; supported: RMSprop, Adam, SGD");
            };
        } catch (IllegalArgumentException e) {
            throw oc.refuse(e.getMessage());
        }
        return new Compile(optimizer, loss(c), metrics(c));
    }

    private static float f(KerasConfig.Reader c, String key, double otherwise) throws KerasFormatException {
        return (float) c.optionalNumber(key, otherwise);
    }

    private static void zero(KerasConfig.Reader c, String key) throws KerasFormatException {
        if (c.optionalNumber(key, 0) != 0) {
            throw c.refuse(key + "=" + c.number(key) + " is not supported; only " + key + "=0");
        }
    }

    private static Loss loss(KerasConfig.Reader c) throws KerasFormatException {
        JsonNode v = c.node.get("loss");
        String name = v == null ? null : v.isTextual() ? v.asText() : v.isObject() ? lossClass(c, v) : null;
        if (name == null) {
            throw c.refuse("'loss' must be a loss name, received " + KerasConfig.Reader.abbreviate(v));
        }
        try {
            return Losses.of(name);
        } catch (IllegalArgumentException e) {
            throw c.refuse(e.getMessage());
        }
    }

    /** A loss object ({@code {"class_name": "BinaryCrossentropy", ...}}) with default settings, by its Keras name. */
    private static String lossClass(KerasConfig.Reader c, JsonNode v) throws KerasFormatException {
        JsonNode config = v.path("config");
        if (config.path("from_logits").asBoolean(false) || config.path("label_smoothing").asDouble(0) != 0) {
            throw c.refuse("loss settings from_logits / label_smoothing are not supported");
        }
        return switch (v.path("class_name").asText("")) {
            case "BinaryCrossentropy" -> "binary_crossentropy";
            case "CategoricalCrossentropy" -> "categorical_crossentropy";
            case "SparseCategoricalCrossentropy" -> "sparse_categorical_crossentropy";
            case "MeanSquaredError" -> "mean_squared_error";
            default -> throw c.refuse("loss " + v.path("class_name").asText("?") + " is not supported; supported: "
                    + "binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy, mse");
        };
    }

    private static List<Metric> metrics(KerasConfig.Reader c) throws KerasFormatException {
        List<Metric> out = new ArrayList<>();
        if (!c.has("metrics")) {
            return out;
        }
        for (JsonNode m : c.array("metrics")) {
            String name = m.isTextual() ? m.asText() : m.path("config").path("name").asText(null);
            try {
                out.add(Metric.of(name == null ? "" : name));
            } catch (IllegalArgumentException e) {
                throw c.refuse(e.getMessage());
            }
        }
        return out;
    }
}
