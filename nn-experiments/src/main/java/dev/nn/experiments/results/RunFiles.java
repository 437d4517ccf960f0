package dev.nn.experiments.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nn.experiments.BookValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads and writes {@link RunRecord} JSON; writes go to a temporary file that is moved into place. */
public final class RunFiles {

    public static final String FILE_NAME = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A results file that cannot be rendered: names the file and the field. */
    public static final class BadResultsFileException extends IOException {
        private static final long serialVersionUID = 1L;

        BadResultsFileException(Path file, String what, Throwable cause) {
            super(file + ": " + what, cause);
        }
    }

    private RunFiles() {
    }

    public static Path write(RunRecord run, Path dir) throws IOException {
        return dev.nn.reports.AtomicFiles.write(dir.resolve(FILE_NAME), out -> JSON.writeValue(out, run));
    }

    /**
     * The run in {@code file}, with every field a report needs present: a missing or malformed one is a
     * {@link BadResultsFileException} naming the file and the field ({@code experiments[2].metrics}).
     */
    public static RunRecord read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadResultsFileException(file, "no such file (expected a results.json written by a run)", null);
        }
        RunRecord run;
        try {
            run = JSON.readValue(file.toFile(), RunRecord.class);
        } catch (JsonMappingException e) {
            String at = path(e.getPath());
            throw new BadResultsFileException(file, (at.isEmpty() ? "" : at + ": ")
                    + e.getOriginalMessage().lines().findFirst().orElse("malformed"), e);
        } catch (JsonProcessingException e) {
            throw new BadResultsFileException(file, "not valid JSON (" + e.getOriginalMessage() + ", line "
                    + e.getLocation().getLineNr() + ")", e);
        }
        if (run == null) {
            throw new BadResultsFileException(file, "holds null, not a run", null);
        }
        check(file, run);
        return run;
    }

    private static void check(Path file, RunRecord run) throws BadResultsFileException {
        require(file, "backend", run.backend());
        require(file, "experiments", run.experiments());
        for (int i = 0; i < run.experiments().size(); i++) {
            ExperimentResult e = run.experiments().get(i);
            String at = "experiments[" + i + "]";
            require(file, at, e);
            require(file, at + ".id", e.id());
            require(file, at + ".section", e.section());
            require(file, at + ".title", e.title());
            require(file, at + ".metrics", e.metrics());
            values(file, at + ".metrics", e.metrics());
            require(file, at + ".book", e.book());
            for (int j = 0; j < e.book().size(); j++) {
                BookValue b = e.book().get(j);
                require(file, at + ".book[" + j + "]", b);
                require(file, at + ".book[" + j + "].metric", b.metric());
            }
            require(file, at + ".curves", e.curves());
            for (int j = 0; j < e.curves().size(); j++) {
                Curve c = e.curves().get(j);
                String cat = at + ".curves[" + j + "]";
                require(file, cat, c);
                require(file, cat + ".label", c.label());
                require(file, cat + ".values", c.values());
                for (Map.Entry<String, List<Double>> v : c.values().entrySet()) {
                    require(file, cat + ".values." + v.getKey(), v.getValue());
                    for (int k = 0; k < v.getValue().size(); k++) {
                        require(file, cat + ".values." + v.getKey() + "[" + k + "]", v.getValue().get(k));
                    }
                }
            }
            require(file, at + ".notes", e.notes());
        }
    }

    private static void values(Path file, String at, Map<String, Double> values) throws BadResultsFileException {
        for (Map.Entry<String, Double> m : values.entrySet()) {
            require(file, at + "." + m.getKey(), m.getValue());
        }
    }

    private static void require(Path file, String field, Object value) throws BadResultsFileException {
        if (value == null) {
            throw new BadResultsFileException(file, "the field " + field + " is missing or null; a results.json "
                    + "written by a run has it (was the file edited or cut short?)", null);
        }
    }

    /** {@code experiments[2].metrics} from Jackson's reference chain. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
