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
import java.util.Map;

/**
 * Runs workloads in a JVM of their own and reads back their figures: the DL4J peer ({@link Dl4jPeer}) always, a
 * backend's C ({@link BackendPeer}) too. A JVM of its own for C, as for DL4J: after A's and B's rounds in the
 * bench's JVM, the JIT's code for the shared training loop carries their shapes' profiles, and java's C took
 * 0.54-0.59 s there against 0.49-0.52 s alone (2026-12-07, the same code); JMH forks for the same reason.
 */
final class Forked {

    private Forked() {
    }

    /**
     * The DL4J peer, with the settings DL4J's own performance guide gives: JavaCPP's {@code nopointergc} (which the
     * nd4j backend cannot use: ND4J frees the op contexts it allocates per call only through the garbage
     * collector) and {@code OMP_WAIT_POLICY=PASSIVE}.
     */
    static Bench.Result[] dl4j(int threads, int epochs, double warmup, String workloads, int bostonEpochs,
            boolean describe) {
        return run("the DL4J peer", List.of("-Dorg.bytedeco.javacpp.nopointergc=true",
                "-Dorg.bytedeco.javacpp.maxbytes=6G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0", "-Xmx2g"),
                Map.of("OMP_NUM_THREADS", String.valueOf(threads), "OMP_WAIT_POLICY", "PASSIVE"), Dl4jPeer.class,
                List.of(String.valueOf(threads), String.valueOf(epochs), workloads, String.valueOf(bostonEpochs),
                        String.valueOf(warmup)), describe);
    }

    /**
     * Workloads on backend {@code name}, with the flags the project's launches pass (the Vector API; the foreign
     * linker, through which the nd4j backend sets its OpenMP wait policy).
     */
    static Bench.Result[] backend(String name, int threads, int epochs, double warmup, String workloads,
            int bostonEpochs, boolean describe) {
        return run("the " + name + " run", List.of("--add-modules=jdk.incubator.vector,jdk.incubator.foreign",
                "--enable-native-access=ALL-UNNAMED"), Map.of("OMP_NUM_THREADS", String.valueOf(threads)),
                BackendPeer.class, List.of(name, String.valueOf(threads), String.valueOf(epochs), workloads,
                        String.valueOf(bostonEpochs), String.valueOf(warmup)), describe);
    }

    /** The child's figures, one {@code RESULT} line per workload, as {@link #report} writes them. */
    static void report(String workload, Bench.Result r) {
        System.out.printf(java.util.Locale.ROOT, "RESULT %s %.9f %.9f %.9f %d%n", workload, r.perEpoch(), r.total(),
                r.perStepMicros(), r.peakHeap());
    }

    private static Bench.Result[] run(String what, List<String> flags, Map<String, String> env, Class<?> main,
            List<String> args, boolean describe) {
        Bench.Result[] out = {Bench.NONE, Bench.NONE, Bench.NONE};
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", classPath(), main.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
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
                throw new IllegalStateException(what + " exited with code " + code + " (its output is above)");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not start " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what + " ran", e);
        }
        return out;
    }

    /** This JVM's class path: exec:java's class loader URLs, else {@code java.class.path}. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = Forked.class.getClassLoader(); l != null; l = l.getParent()) {
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
