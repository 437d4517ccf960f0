package dev.nn.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.data.Features;
import dev.nn.api.data.MultiHotRows;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.api.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The real Keras 3 files of {@code ../shared/data/keras-models} (written by Keras 3.16.0 with Keras's own
 * predictions beside them): each loads, predicts what Keras predicted, and brings its optimizer state.
 */
class KerasFilesTest {

    /** Keras's float32 predictions against ours: the same float32 arithmetic in another order. */
    private static final double PREDICTION_TOLERANCE = 1e-5;

    private static final Backend BACKEND = Backends.create("java", 1);

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    static Path models() {
        Path dir = Path.of(System.getProperty("nn.data.dir", "../../shared/data")).resolve("keras-models");
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("missing " + dir.toAbsolutePath() + ": the tests need ../shared/data/keras-models");
        }
        return dir;
    }

    private static JsonNode expected(String name) throws Exception {
        return new ObjectMapper().readTree(models().resolve(name + ".expected.json").toFile());
    }

    private static Features inputs(JsonNode e, int width) {
        if (e.has("inputs_multi_hot")) {
            int[][] rows = new int[e.get("inputs_multi_hot").size()][];
            for (int i = 0; i < rows.length; i++) {
                JsonNode r = e.get("inputs_multi_hot").get(i);
                rows[i] = new int[r.size()];
                for (int j = 0; j < rows[i].length; j++) {
                    rows[i][j] = r.get(j).asInt();
                }
            }
            return MultiHotRows.encode(rows, width);
        }
        JsonNode d = e.get("inputs_dense");
        float[] x = new float[d.size() * width];
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < width; j++) {
                x[i * width + j] = (float) d.get(i).get(j).asDouble();
            }
        }
        return new DenseMatrix(x, d.size(), width);
    }

    @Test
    void everyKerasWrittenModelPredictsWhatKerasPredicted() throws Exception {
        for (String name : List.of("imdb", "reuters", "boston", "tanh-no-bias")) {
            JsonNode e = expected(name);
            Sequential model = KerasModels.load(models().resolve(name + ".keras"), BACKEND);
            assertThat(model.inputDim()).as(name + " input width").isEqualTo(e.get("input_width").asInt());
            DenseMatrix p = model.predict(inputs(e, model.inputDim()));
            JsonNode want = e.get("predictions");
            assertThat(p.rows()).isEqualTo(want.size());
            for (int i = 0; i < p.rows(); i++) {
                for (int j = 0; j < p.cols(); j++) {
                    assertThat((double) p.get(i, j)).as(name + " prediction [" + i + ", " + j + "]")
                            .isCloseTo(want.get(i).get(j).asDouble(), within(PREDICTION_TOLERANCE));
                }
            }
        }
    }

    @Test
    void theKerasFilesBringTheirConfigNamesAndCompileSettings() throws Exception {
        Sequential imdb = KerasModels.load(models().resolve("imdb.keras"), BACKEND);
        assertThat(imdb.layers()).extracting(l -> l.name()).containsExactly("dense", "dense_1", "dense_2");
        assertThat(imdb.optimizer()).isInstanceOf(RmsProp.class);
        assertThat(imdb.loss().name()).isEqualTo("binary_crossentropy");
        assertThat(imdb.metrics()).extracting(m -> m.name()).containsExactly("accuracy");
        Sequential boston = KerasModels.load(models().resolve("boston.keras"), BACKEND);
        assertThat(boston.loss().name()).isEqualTo("mean_squared_error");
        assertThat(boston.metrics()).extracting(m -> m.name()).containsExactly("mae");
        Sequential tanh = KerasModels.load(models().resolve("tanh-no-bias.keras"), BACKEND);
        assertThat(tanh.isCompiled()).isFalse();
        assertThat(tanh.layers()).extracting(l -> l.name()).containsExactly("dense_9", "dense_10");
        assertThat(tanh.layers().get(0).parameters()).as("use_bias=False").hasSize(1);
    }

    @Test
    void theRecordedOptimizerVariablesComeBackExactly() throws Exception {
        JsonNode want = expected("imdb").get("optimizer_variables_first_values");
        Sequential model = KerasModels.load(models().resolve("imdb.keras"), BACKEND);
        assertThat(model.optimizer().iterations()).isEqualTo(want.get("rm_sprop/iteration").get(0).asLong());
        String[] names = {"dense_kernel", "dense_bias", "dense_1_kernel", "dense_1_bias", "dense_2_kernel",
            "dense_2_bias"};
        for (int i = 0; i < names.length; i++) {
            JsonNode first = want.get("rm_sprop/sequential_" + names[i] + "_velocity");
            float[] v = model.optimizer().slot("velocity", model.parameters().get(i)).toHost();
            for (int j = 0; j < first.size(); j++) {
                // the expectation holds the float32 value rounded to 8 decimals
                assertThat(Math.round(v[j] * 1e8) / 1e8).as(names[i] + " velocity[" + j + "]")
                        .isEqualTo(first.get(j).asDouble());
            }
        }
    }

    @Test
    void aFileWithAnotherLayerClassIsRefusedNamingIt() throws Exception {
        String refused = expected("unsupported-batchnorm").get("must_refuse").asText();
        assertThatThrownBy(() -> KerasModels.load(models().resolve("unsupported-batchnorm.keras"), BACKEND))
                .isInstanceOf(KerasFormatException.class).hasMessageContaining(refused)
                .hasMessageContaining("unsupported-batchnorm.keras").hasMessageContaining("supported: InputLayer, Dense");
    }
}
