package dev.nn.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nn.datasets.io.DatasetFormatException;
import dev.nn.datasets.io.Npz;
import dev.nn.datasets.io.WordIndexJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each malformed input ends in one specific exception naming the file, the member and the problem. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void aWellFormedFixtureReadsBackInBothZipMethods() throws Exception {
        for (boolean deflate : new boolean[] {false, true}) {
            Path f = Fixtures.npz(dir.resolve("ok" + deflate + ".npz"), Map.of(
                    "x", Fixtures.objectNpy(new int[][] {{1, 2, 300}, {}, {70000}}),
                    "y", Fixtures.npy("<f8", "(2,)", Fixtures.doubles(1.5, -2))), deflate);
            var arrays = Npz.read(f);
            assertThat(arrays.get("x").sequences()).isDeepEqualTo(new int[][] {{1, 2, 300}, {}, {70000}});
            assertThat(arrays.get("y").doubles()).containsExactly(1.5, -2);
        }
    }

    @Test
    void aTruncatedZip() throws Exception {
        byte[] real = Files.readAllBytes(Fixtures.realData("boston_housing.npz"));
        Path f = dir.resolve("boston_housing.npz");
        Files.write(f, Arrays.copyOf(real, real.length / 2));
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("boston_housing.npz").hasMessageContaining("truncated");
    }

    @Test
    void aFlippedByteInsideAMemberFailsItsCrc() throws Exception {
        byte[] real = Files.readAllBytes(Fixtures.realData("boston_housing.npz"));
        byte[] flipped = real.clone();
        flipped[real.length / 3] ^= 0x01; // inside x_train's float64 data, stored uncompressed
        Path f = dir.resolve("boston_housing.npz");
        Files.write(f, flipped);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("boston_housing.npz").hasMessageContaining("CRC-32");
        // and inside a deflated member: the inflated bytes change, the CRC catches it
        Path deflated = Fixtures.npz(dir.resolve("d.npz"), Map.of("y", Fixtures.npy("<f8", "(64,)",
                Fixtures.doubles(new double[64]))), true);
        byte[] d = Files.readAllBytes(deflated);
        boolean caught = false;
        for (int i = 40; i < d.length - 60 && !caught; i++) {
            byte[] m = d.clone();
            m[i] ^= 0x10;
            Files.write(f, m);
            try {
                Npz.read(f);
            } catch (DatasetFormatException e) {
                caught = e.getMessage().contains("CRC-32") || caught;
            }
        }
        assertThat(caught).as("some flip inside the deflated data is caught by the CRC").isTrue();
    }

    @Test
    void aPickleOfMillionsOfEmptyListsIsRefusedWithHeapBoundedByItsSize() throws Exception {
        int n = 400_000;
        byte[] pickle = new byte[n + 3];
        pickle[0] = (byte) 0x80;
        pickle[1] = 2;
        java.util.Arrays.fill(pickle, 2, n + 2, (byte) ']');
        pickle[n + 2] = '.';
        Path f = Fixtures.npz(dir.resolve("lists.npz"), Map.of("x", Fixtures.npy("|O", "(1,)", pickle)), true);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("lists.npz").hasMessageContaining("more objects than");
    }

    @Test
    void wrongMagic() throws Exception {
        byte[] npy = Fixtures.npy("<f8", "(1,)", Fixtures.doubles(1));
        npy[1] = 'X';
        Path f = Fixtures.npz(dir.resolve("magic.npz"), Map.of("x", npy), false);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("magic.npz [x.npy]").hasMessageContaining("wrong magic");
    }

    @Test
    void aShapeThatDisagreesWithTheData() throws Exception {
        Path f = Fixtures.npz(dir.resolve("shape.npz"),
                Map.of("x", Fixtures.npy("<f8", "(3, 2)", Fixtures.doubles(1, 2, 3))), true);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("shape.npz [x.npy]").hasMessageContaining("needs 48 bytes")
                .hasMessageContaining("has 24");
    }

    @Test
    void aShapeLargeEnoughToExhaustMemoryAllocatesNothing() throws Exception {
        Path f = Fixtures.npz(dir.resolve("huge.npz"),
                Map.of("x", Fixtures.npy("<f8", "(2000000000, 2000000000)", Fixtures.doubles(1))), false);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("huge.npz [x.npy]").hasMessageContaining("shape too large");
        Path g = Fixtures.npz(dir.resolve("big.npz"),
                Map.of("x", Fixtures.npy("<f8", "(200000000,)", Fixtures.doubles(1))), false);
        assertThatThrownBy(() -> Npz.read(g)).hasMessageContaining("needs 1600000000 bytes");
    }

    @Test
    void anUnknownDtype() throws Exception {
        Path f = Fixtures.npz(dir.resolve("dtype.npz"), Map.of("x", Fixtures.npy("<c16", "(1,)", new byte[16])), false);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("dtype.npz [x.npy]").hasMessageContaining("unsupported dtype '<c16'");
    }

    @Test
    void aPickleNamingAnyOtherGlobalIsRefusedNotRun() throws Exception {
        byte[] npy = Fixtures.objectNpy(new int[][] {{1}});
        String text = new String(npy, StandardCharsets.ISO_8859_1).replace("cnumpy\nndarray\n", "cos\nsystem\n");
        Path f = Fixtures.npz(dir.resolve("evil.npz"), Map.of("x", text.getBytes(StandardCharsets.ISO_8859_1)), false);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("evil.npz [x.npy]").hasMessageContaining("global 'os.system'");
    }

    @Test
    void aJsonThatIsNotAnObjectOfStringToInt() throws Exception {
        for (String json : new String[] {"[1, 2]", "{\"the\": \"one\"}", "{\"the\": 1.5}", "{\"the\": 1", "{} []"}) {
            Path f = dir.resolve("imdb_word_index.json");
            Files.writeString(f, json);
            assertThatThrownBy(() -> WordIndexJson.read(f)).as(json).isInstanceOf(DatasetFormatException.class)
                    .hasMessageContaining("imdb_word_index.json");
        }
    }

    @Test
    void aFileWhoseHashDiffersFromKeras() throws Exception {
        Path f = dir.resolve("boston_housing.npz");
        byte[] real = Files.readAllBytes(Fixtures.realData("boston_housing.npz"));
        real[real.length - 100] ^= 1;
        Files.write(f, real);
        DataFiles files = DataFiles.builder().dataDir(dir).download(false).build();
        assertThatThrownBy(() -> files.locate(KerasFile.BOSTON_HOUSING)).isInstanceOf(DatasetIntegrityException.class)
                .hasMessageContaining("boston_housing.npz").hasMessageContaining("SHA-256")
                .hasMessageContaining(KerasFile.BOSTON_HOUSING.hash());
    }
}
