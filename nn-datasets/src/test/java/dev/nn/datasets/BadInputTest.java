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

    @Test
    void aZeroBombBuilderThatInflatesToWhatItDeclares() throws Exception {
        // the bomb fixture itself: 5 MiB of zeros behind a real header read back exactly, CRC and all
        int n = 5 << 20;
        byte[] head = Fixtures.npy("|u1", "(" + n + ",)", new byte[0]);
        Path f = Fixtures.zeroBomb(dir.resolve("small.npz"), "x.npy", head, n);
        long[] x = Npz.read(f).get("x").longs();
        assertThat(x).hasSize(n);
        assertThat(Arrays.stream(x).allMatch(v -> v == 0)).isTrue();
    }

    @Test
    void aTwoGibZipBombIsRefusedBeforeAnythingIsInflated() throws Exception {
        long zeros = (2L << 30) - 128;
        byte[] head = Fixtures.npy("<f8", "(" + (zeros / 8) + ",)", new byte[0]);
        Path f = Fixtures.zeroBomb(dir.resolve("bomb.npz"), "x.npy", head, zeros);
        assertThat(Files.size(f)).isLessThan(4 << 20);
        long t = System.nanoTime();
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("bomb.npz [x.npy]").hasMessageContaining("declares " + (head.length + zeros) + " bytes");
        assertThat((System.nanoTime() - t) / 1e9).as("seconds: refused from the directory, nothing inflated")
                .isLessThan(5);
    }

    @Test
    void aMemberWhoseDecodedArrayCannotFitTheHeapIsRefusedWithTheSizesNotAnOutOfMemoryError() throws Exception {
        // 1 GiB - 1 of uint8 zeros, honest header: decoded to long it needs 8 GiB, more than the tests' -Xmx2g
        long total = (1L << 30) - 1;
        String probe = "(" + total + ",)";
        long zeros = total - Fixtures.npy("|u1", probe, new byte[0]).length;
        byte[] head = Fixtures.npy("|u1", "(" + zeros + ",)", new byte[0]);
        assertThat(head.length + zeros).isEqualTo(total);
        Path f = Fixtures.zeroBomb(dir.resolve("wide.npz"), "x.npy", head, zeros);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("wide.npz [x.npy]").hasMessageContaining("MiB of heap")
                .hasMessageContaining("-Xmx");
    }

    @Test
    void aMemberIsInflatedStraightIntoItsArray() throws Exception {
        // 64 MiB of float64 zeros: the reader allocates the array and small buffers, not copies of the member
        int n = 8 << 20;
        byte[] head = Fixtures.npy("<f8", "(" + n + ",)", new byte[0]);
        Path f = Fixtures.zeroBomb(dir.resolve("flat.npz"), "x.npy", head, 8L * n);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        double[] x = Npz.read(f).get("x").doubles();
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(x).hasSize(n);
        assertThat(allocated).as("bytes allocated to read a 64 MiB member").isLessThan(72L << 20);
    }

    @Test
    void aMemberThatInflatesBeyondItsDeclaredSizeIsRefused() throws Exception {
        Path good = Fixtures.npz(dir.resolve("g.npz"), Map.of("y", Fixtures.npy("<f8", "(4,)",
                Fixtures.doubles(1, 2, 3, 4))), true);
        byte[] z = Files.readAllBytes(good);
        // lower the declared size in the central directory by 8: the header then disagrees before inflating
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(z).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int cd = b.getInt(z.length - 6);
        b.putInt(cd + 24, b.getInt(cd + 24) - 8);
        Path f = dir.resolve("lie.npz");
        Files.write(f, z);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("lie.npz [y.npy]").hasMessageContaining("needs 32 bytes of data");
    }

    @Test
    void theBytesParsedAreTheBytesHashed() throws Exception {
        Path real = Fixtures.realData("boston_housing.npz");
        Files.copy(real, dir.resolve("boston_housing.npz"));
        DataFiles files = DataFiles.builder().dataDir(dir).download(false).build();
        byte[] bytes = files.read(KerasFile.BOSTON_HOUSING);
        assertThat(bytes).isEqualTo(Files.readAllBytes(real));
        // the file changing after the check cannot change what was verified and is parsed
        Files.write(dir.resolve("boston_housing.npz"), new byte[] {1, 2, 3});
        assertThat(Npz.read(bytes, "boston_housing.npz").get("x").shape()).containsExactly(506, 13);
    }

    @Test
    void aTamperedCacheCopyOfflineSaysWhatIsWrongAndWhatToDo() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        byte[] real = Files.readAllBytes(Fixtures.realData("boston_housing.npz"));
        real[100] ^= 1;
        Files.write(cache.resolve("boston_housing.npz"), real);
        for (boolean download : new boolean[] {false, true}) {
            DataFiles files = DataFiles.builder().dataDir(dir.resolve("absent")).cacheDir(cache)
                    .origin("http://127.0.0.1:9/").download(download).build();
            assertThatThrownBy(() -> files.read(KerasFile.BOSTON_HOUSING)).as("download " + download)
                    .isInstanceOf(DatasetNotFoundException.class)
                    .hasMessageContaining(cache.resolve("boston_housing.npz").toString())
                    .hasMessageContaining("corrupted or altered").hasMessageContaining(KerasFile.BOSTON_HOUSING.hash())
                    .hasMessageContaining("delete it").hasMessageContaining("--data-dir");
        }
    }
}
