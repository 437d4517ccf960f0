package dev.nn.experiments.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@link RunRecord} JSON; writes go to a temporary file that is moved into place. */
public final class RunFiles {

    public static final String FILE_NAME = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunFiles() {
    }

    public static Path write(RunRecord run, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE_NAME);
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), run);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    public static RunRecord read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunRecord.class);
    }
}
