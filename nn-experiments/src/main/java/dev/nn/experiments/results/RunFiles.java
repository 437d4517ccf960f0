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
        return dev.nn.reports.AtomicFiles.write(dir.resolve(FILE_NAME), out -> JSON.writeValue(out, run));
    }

    public static RunRecord read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunRecord.class);
    }
}
