package dev.nn.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.nn.api.Backends;
import dev.nn.api.spi.Backend;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and crafted {@code .keras} files: each ends in one {@link KerasFormatException} naming the file and the
 * part, never in another exception; and a seeded, time-bounded fuzz of archive bytes, of the HDF5 member and of
 * the config (re-zipped with valid CRCs, so the parsers themselves are exercised).
 */
class MalformedFilesTest {

    private static final Backend BACKEND = Backends.create("java", 1);
    private static final long BUDGET_NANOS = 20_000_000_000L;
    private static final int MUTATIONS = 3_000;

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    private static Path boston() {
        return KerasFilesTest.models().resolve("boston.keras");
    }

    static Map<String, byte[]> members(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                ZipEntry e = new ZipEntry(m.getKey());
                e.setMethod(ZipEntry.STORED);
                e.setSize(m.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(m.getValue());
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(m.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path withConfig(String from, String to) throws IOException {
        Map<String, byte[]> m = members(boston());
        String config = new String(m.get("config.json"), StandardCharsets.UTF_8);
        assertThat(config).contains(from);
        m.put("config.json", config.replace(from, to).getBytes(StandardCharsets.UTF_8));
        Path p = dir.resolve("edited.keras");
        Files.write(p, zip(m));
        return p;
    }

    private static void refused(Path file, String... parts) {
        var a = assertThatThrownBy(() -> KerasModels.load(file, BACKEND)).isInstanceOf(KerasFormatException.class)
                .hasMessageStartingWith(file.toString());
        for (String part : parts) {
            a.hasMessageContaining(part);
        }
    }

    @Test
    void aTruncatedOrNonZipFileIsRefused() throws Exception {
        byte[] b = Files.readAllBytes(boston());
        Path cut = dir.resolve("cut.keras");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length / 2));
        refused(cut, "archive");
        Path text = dir.resolve("text.keras");
        Files.writeString(text, "not a zip");
        refused(text, "archive");
    }

    @Test
    void aFlippedByteInsideAMemberFailsItsCrc() throws Exception {
        byte[] b = Files.readAllBytes(boston());
        b[b.length / 2] ^= 0x40; // inside the stored model.weights.h5
        Path p = dir.resolve("flipped.keras");
        Files.write(p, b);
        refused(p, "model.weights.h5", "CRC-32");
    }

    @Test
    void missingMembersAndBadJsonAreRefused() throws Exception {
        Map<String, byte[]> m = members(boston());
        m.remove("model.weights.h5");
        Path p = dir.resolve("noweights.keras");
        Files.write(p, zip(m));
        refused(p, "model.weights.h5", "missing");
        refused(withConfig("\"class_name\": \"Sequential\"", "\"class_name\": "), "config.json", "JSON");
    }

    @Test
    void partsOfKerasOutsideTheSubsetAreRefusedByName() throws Exception {
        refused(withConfig("\"class_name\": \"Sequential\"", "\"class_name\": \"Functional\""), "Functional",
                "only Sequential");
        refused(withConfig("\"activation\": \"relu\"", "\"activation\": \"gelu\""), "gelu", "supported");
        refused(withConfig("\"class_name\": \"RMSprop\"", "\"class_name\": \"Nadam\""), "Nadam", "RMSprop, Adam, SGD");
        refused(withConfig("\"loss\": \"mse\"", "\"loss\": \"huber\""), "loss=huber");
        String policy = "\"config\": {\"name\": \"float32\"}";
        refused(withConfig(policy, "\"config\": {\"name\": \"mixed_float16\"}"), "mixed_float16", "only float32");
    }

    @Test
    void aCustomObjectIsRefusedAndNeverLoaded() throws Exception {
        Path p = withConfig("\"class_name\": \"Dense\", \"config\"",
                "\"class_name\": \"java.lang.Runtime\", \"config\"");
        refused(p, "java.lang.Runtime", "not supported");
        refused(withConfig("\"registered_name\": null}, {", "\"registered_name\": \"my_pkg>MyDense\"}, {"),
                "registered_name", "only null");
    }

    @Test
    void weightsThatDisagreeWithTheConfigAreRefused() throws Exception {
        refused(withConfig("\"units\": 64", "\"units\": 65"), "has shape", "the config says");
        Map<String, byte[]> m = members(boston());
        Path h5 = dir.resolve("w.h5");
        try (WritableHdfFile f = HdfFile.write(h5)) {
            WritableGroup layers = f.putGroup("layers");
            WritableGroup vars = layers.putGroup("dense").putGroup("vars");
            vars.putDataset("0", new double[13][64]);
            vars.putDataset("1", new double[64]);
        }
        m.put("model.weights.h5", Files.readAllBytes(h5));
        Path p = dir.resolve("float64.keras");
        Files.write(p, zip(m));
        refused(p, "model.weights.h5", "only float32");
    }

    @Test
    void mutatedFilesFailOnlyWithTheDeclaredException() throws Exception {
        Map<String, byte[]> seed = members(boston());
        byte[] archive = Files.readAllBytes(boston());
        SplittableRandom rng = new SplittableRandom(2026);
        Path target = dir.resolve("mutant.keras");
        long start = System.nanoTime();
        int runs = 0;
        int rejected = 0;
        while (runs < MUTATIONS && System.nanoTime() - start < BUDGET_NANOS) {
            byte[] mutant = switch (runs % 3) {
                case 0 -> mutate(archive, rng);
                case 1 -> rezipped(seed, "model.weights.h5", rng);
                default -> rezipped(seed, "config.json", rng);
            };
            Files.write(target, mutant);
            try {
                KerasModels.load(target, BACKEND);
            } catch (KerasFormatException expected) {
                assertThat(expected.getMessage()).startsWith(target.toString());
                rejected++;
            } catch (Throwable t) {
                fail("mutation " + runs + " escaped as " + t, t);
            }
            runs++;
        }
        assertThat(runs).as("mutations tried within the time budget").isGreaterThan(300);
        assertThat(rejected).as("most mutants are rejected").isGreaterThan(runs / 4);
    }

    private static byte[] rezipped(Map<String, byte[]> seed, String member, SplittableRandom rng) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>(seed);
        m.put(member, mutate(seed.get(member), rng));
        return zip(m);
    }

    private static byte[] mutate(byte[] seed, SplittableRandom rng) {
        byte[] b = seed.clone();
        switch (rng.nextInt(3)) {
            case 0 -> {
                for (int i = 0, n = 1 + rng.nextInt(8); i < n; i++) {
                    b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, rng.nextInt(b.length));
            default -> {
                // a run of 0xff, which turns lengths and addresses into huge numbers
                int at = rng.nextInt(b.length);
                for (int i = at; i < Math.min(b.length, at + 1 + rng.nextInt(8)); i++) {
                    b[i] = (byte) 0xff;
                }
            }
        }
        return b;
    }
}
