package dev.nn.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@link Dl4jPeer} in a JVM of its own, with the settings DL4J's own performance guide gives: JavaCPP's
 * {@code nopointergc} (which the nd4j backend cannot use: ND4J frees the op contexts it allocates per call only
 * through the garbage collector) and {@code OMP_WAIT_POLICY=PASSIVE}; reads back its figures.
 */
final class Dl4jProcess {

    private Dl4jProcess() {
    }

    static Bench.Result[] run(int threads, int epochs, double warmup, String workloads, int bostonEpochs,
            boolean describe) {
        Bench.Result[] out = {Bench.NONE, Bench.NONE, Bench.NONE};
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.bytedeco.javacpp.nopointergc=true", "-Dorg.bytedeco.javacpp.maxbytes=6G",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=0", "-Xmx2g", "-cp", classPath(), Dl4jPeer.class.getName(),
                String.valueOf(threads), String.valueOf(epochs), workloads, String.valueOf(bostonEpochs),
                String.valueOf(warmup)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        try {
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("DESCRIPTION ")) {
                        if (!describe) {
                            continue;
                        }
                        System.out.println("backend: " + line.substring("DESCRIPTION ".length()));
                    } else if (line.startsWith("RESULT ")) {
                        String[] f = line.split(" ");
                        out[f[1].charAt(0) - 'A'] = new Bench.Result(Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                                Double.parseDouble(f[4]), Long.parseLong(f[5]));
                    }
                }
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("the DL4J peer exited with code " + code + " (its output is above)");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not start the DL4J peer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the DL4J peer ran", e);
        }
        return out;
    }

    /** This JVM's class path: exec:java's class loader URLs, else {@code java.class.path}. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = Dl4jProcess.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: nothing the child can load from
                    }
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }
}
