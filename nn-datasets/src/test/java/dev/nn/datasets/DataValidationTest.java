package dev.nn.datasets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nn.datasets.io.DatasetFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Well-formed files whose contents do not make a data set: refused, naming the file, the member and the problem. */
class DataValidationTest {

    @TempDir
    Path dir;

    private static byte[] longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return b.array();
    }

    private Path reuters(int[][] x, long... y) throws Exception {
        return Fixtures.npz(dir.resolve("reuters.npz"), Map.of("x", Fixtures.objectNpy(x),
                "y", Fixtures.npy("<i8", "(" + y.length + ",)", longs(y))), false);
    }

    @Test
    void sequencesAndLabelsMustPairUp() throws Exception {
        Path f = reuters(new int[][] {{1, 2}, {3}, {4, 5, 6}}, 0, 1);
        assertThatThrownBy(() -> Reuters.load(f, TextOptions.defaults())).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("reuters.npz").hasMessageContaining("3 sequences but 2 labels");
        Path g = reuters(new int[][] {{1}}, 0, 1, 2);
        assertThatThrownBy(() -> Reuters.load(g, TextOptions.defaults())).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("1 sequences but 3 labels");
    }

    @Test
    void anEmptyArchiveOrALabelThatIsNoClassIndexIsRefused() throws Exception {
        Path empty = reuters(new int[0][]);
        assertThatThrownBy(() -> Reuters.load(empty, TextOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("holds no sequences");
        Path huge = reuters(new int[][] {{1, 2}, {3}}, 1L << 40, 0);
        assertThatThrownBy(() -> Reuters.load(huge, TextOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("label 0 is 1099511627776")
                .hasMessageContaining("class index");
        Path negative = reuters(new int[][] {{1, 2}, {3}}, 0, -1);
        assertThatThrownBy(() -> Reuters.load(negative, TextOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("label 1 is -1");
    }

    @Test
    void bostonNeedsThirteenFiniteFeaturesPerRow() throws Exception {
        Path twelve = Fixtures.npz(dir.resolve("boston_housing.npz"), Map.of(
                "x", Fixtures.npy("<f8", "(2, 12)", Fixtures.doubles(new double[24])),
                "y", Fixtures.npy("<f8", "(2,)", Fixtures.doubles(1, 2))), false);
        assertThatThrownBy(() -> BostonHousing.load(twelve, 0.2, 113)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("boston_housing.npz").hasMessageContaining("expected shape (2, 13)");
        double[] x = new double[26];
        x[17] = Double.NaN;
        Path nan = Fixtures.npz(dir.resolve("boston_housing.npz"), Map.of(
                "x", Fixtures.npy("<f8", "(2, 13)", Fixtures.doubles(x)),
                "y", Fixtures.npy("<f8", "(2,)", Fixtures.doubles(1, Double.POSITIVE_INFINITY))), false);
        assertThatThrownBy(() -> BostonHousing.load(nan, 0.2, 113)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("x.npy").hasMessageContaining("value 17 is NaN");
    }

    @Test
    void aWordIndexWithADuplicateWordIsRefused() throws Exception {
        Path json = dir.resolve("imdb_word_index.json");
        Files.writeString(json, "{\"the\": 1, \"and\": 2, \"the\": 3}");
        assertThatThrownBy(() -> WordIndex.read(json)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("imdb_word_index.json").hasMessageContaining("'the' appears twice");
    }
}
