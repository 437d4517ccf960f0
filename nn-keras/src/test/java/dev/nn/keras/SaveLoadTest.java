package dev.nn.keras;

import static dev.nn.api.layers.Activation.RELU;
import static dev.nn.api.layers.Activation.SIGMOID;
import static dev.nn.api.layers.Activation.SOFTMAX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nn.api.Backends;
import dev.nn.api.data.DenseMatrix;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Normalization;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.testkit.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models written here read back identically, resume bit for bit, and carry Keras's layout. */
class SaveLoadTest {

    private static final Backend BACKEND = Backends.create("java", 1);

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    private static Sequential imdbLike(long seed) {
        Sequential m = new Sequential(BACKEND, seed, Dense.of(16, RELU), Dropout.of(0.25), Dense.of(16, RELU),
                Dense.of(1, SIGMOID));
        m.compile(RmsProp.defaults(), Losses.binaryCrossentropy(), Metric.accuracy());
        return m;
    }

    @Test
    void aSavedModelReadsBackAndPredictsIdenticalValues() throws Exception {
        SyntheticData.Text data = SyntheticData.binaryText(300, 500, 20, 41);
        Sequential model = imdbLike(1);
        model.fit(data.x(), data.binaryTargets(), 2, 64);
        Path file = dir.resolve("m.keras");
        KerasModels.save(model, file);
        Sequential back = KerasModels.load(file, BACKEND);
        assertThat(back.predict(data.x()).data()).containsExactly(model.predict(data.x()).data());
        assertThat(back.layers()).extracting(l -> l.name()).containsExactly("dense", "dropout", "dense_1", "dense_2");
        assertThat(back.optimizer().iterations()).isEqualTo(model.optimizer().iterations());
        for (int i = 0; i < model.parameters().size(); i++) {
            assertThat(back.optimizer().slot("velocity", back.parameters().get(i)).toHost())
                    .containsExactly(model.optimizer().slot("velocity", model.parameters().get(i)).toHost());
        }
    }

    @Test
    void theArchiveHasKerassLayout() throws Exception {
        Sequential model = imdbLike(2).build(500);
        Path file = dir.resolve("layout.keras");
        KerasModels.save(model, file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).toList())
                    .containsExactly("metadata.json", "config.json", "model.weights.h5");
            JsonNode config = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("config.json")));
            assertThat(config.get("class_name").asText()).isEqualTo("Sequential");
            JsonNode layers = config.get("config").get("layers");
            assertThat(layers.get(0).get("class_name").asText()).isEqualTo("InputLayer");
            assertThat(layers.get(0).get("config").get("batch_shape").toString()).isEqualTo("[null,500]");
            assertThat(layers.get(1).get("config").get("units").asInt()).isEqualTo(16);
            assertThat(layers.get(2).get("class_name").asText()).isEqualTo("Dropout");
            JsonNode opt = config.get("compile_config").get("optimizer");
            assertThat(opt.get("class_name").asText()).isEqualTo("RMSprop");
            assertThat(opt.get("config").get("learning_rate").asDouble()).isEqualTo(0.001);
            assertThat(config.get("compile_config").get("loss").asText()).isEqualTo("binary_crossentropy");
        }
        try (H5Weights h5 = H5Weights.open(file, Archive.read(file, Archive.WEIGHTS).get(Archive.WEIGHTS))) {
            assertThat(h5.floats("layers/dense/vars/0", 500, 16)).hasSize(8000);
            assertThat(h5.floats("layers/dense/vars/1", 16)).containsOnly(0f);
            assertThat(h5.vars("layers/dropout")).isEmpty();
            assertThat(h5.floats("layers/dense_2/vars/0", 16, 1)).hasSize(16);
            assertThat(h5.vars("optimizer")).hasSize(2 + 6);
            assertThat(h5.scalarInteger("optimizer/vars/0")).isZero();
            assertThat(h5.floats("optimizer/vars/1")).containsExactly(0.001f);
            assertThat(h5.floats("optimizer/vars/2", 500, 16)).containsOnly(0f);
        }
    }

    @Test
    void trainingResumedFromAFileEndsBitForBitWhereOneRunEnds() throws Exception {
        SyntheticData.Text data = SyntheticData.binaryText(300, 500, 20, 42);
        Sequential oneGo = imdbLike(7);
        oneGo.fit(data.x(), data.binaryTargets(), 4, 64);
        Sequential first = imdbLike(7);
        first.fit(data.x(), data.binaryTargets(), 2, 64);
        Path file = dir.resolve("half.keras");
        KerasModels.save(first, file);
        Sequential resumed = KerasModels.load(file, BACKEND);
        resumed.fit(data.x(), data.binaryTargets(), 2, 64);
        List<float[]> a = oneGo.weights();
        List<float[]> b = resumed.weights();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).as("weight " + i).containsExactly(a.get(i));
        }
        assertThat(resumed.optimizer().iterations()).isEqualTo(oneGo.optimizer().iterations());
    }

    @Test
    void adamStateAndANormalizationLayerTravelToo() throws Exception {
        SyntheticData.Regression data = SyntheticData.housing(64, 5, 43);
        Sequential model = new Sequential(BACKEND, 3, Normalization.of(new float[] {1, 2, 3, 4, 5},
                new float[] {4, 1, 0.25f, 9, 0}), Dense.of(8, RELU), Dense.of(3, SOFTMAX));
        model.compile(Adam.defaults(), Losses.sparseCategoricalCrossentropy(), Metric.accuracy());
        model.fit(data.x(), new dev.nn.api.data.IntLabels(new int[64], 3), 2, 16);
        Path file = dir.resolve("adam.keras");
        KerasModels.save(model, file);
        Sequential back = KerasModels.load(file, BACKEND);
        assertThat(back.predict(data.x()).data()).containsExactly(model.predict(data.x()).data());
        assertThat(back.optimizer()).isInstanceOf(Adam.class);
        assertThat(back.optimizer().slot("momentum", back.parameters().get(0)).toHost())
                .containsExactly(model.optimizer().slot("momentum", model.parameters().get(0)).toHost());
        assertThat(((Normalization) back.layers().get(0)).variance()).containsExactly(4, 1, 0.25f, 9, 0);
    }

    @Test
    void anUncompiledModelSavesWithoutCompileConfig() throws Exception {
        Sequential model = new Sequential(BACKEND, 4, Dense.withoutBias(8, RELU), Dense.of(2)).build(6);
        Path file = dir.resolve("plain.keras");
        KerasModels.save(model, file);
        Sequential back = KerasModels.load(file, BACKEND);
        assertThat(back.isCompiled()).isFalse();
        DenseMatrix x = SyntheticData.housing(4, 6, 44).x();
        assertThat(back.predict(x).data()).containsExactly(model.predict(x).data());
    }

    @Test
    void savingReplacesAFileAndALinkWithoutFollowingIt() throws Exception {
        Path target = dir.resolve("precious.txt");
        Files.writeString(target, "keep me");
        Path link = dir.resolve("link.keras");
        Files.createSymbolicLink(link, target);
        KerasModels.save(imdbLike(5).build(50), link);
        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(KerasModels.load(link, BACKEND).inputDim()).isEqualTo(50);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("precious.txt",
                    "link.keras");
        }
        assertThatThrownBy(() -> KerasModels.save(imdbLike(5).build(50), dir.resolve("m.h5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".keras");
    }

    @Test
    void configKeysOfTheLayersFollowKeras() {
        Map<String, Object> c = Dense.of(4, RELU).config();
        assertThat(c).containsOnlyKeys("units", "activation", "use_bias");
    }
}
