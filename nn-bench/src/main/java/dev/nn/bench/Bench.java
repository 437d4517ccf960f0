package dev.nn.bench;

import dev.nn.api.Backends;
import dev.nn.api.spi.Backend;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times workloads A (IMDB epoch), B (Reuters epoch) and C (Boston K-fold) on each backend named, side by
 * side in one JVM, and prints seconds per epoch, total seconds, µs per step, peak heap, and the ratio of
 * each backend to the first, or to DL4J when {@code dl4j} is named: DL4J's {@code MultiLayerNetwork} on the same
 * workloads ({@link Dl4jPeer}), run in a JVM of its own with its best settings. A and B run in rounds, the
 * backends taking turns ({@link #DEFAULT_ROUNDS}); C once per backend, each in a JVM of its own ({@link Forked}).
 *
 * <pre>
 * OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE mvn -q -pl nn-bench exec:java -Dexec.args="--backend java,nd4j,dl4j"
 * </pre>
 */
public final class Bench {

    /** One workload's figures; NaN where a figure does not apply. */
    record Result(double perEpoch, double total, double perStepMicros, long peakHeap) {
    }

    /** The pseudo-backend that runs {@link Dl4jPeer} in a JVM of its own. */
    static final String DL4J = "dl4j";

    private static final String USAGE = "Usage: Bench [--backend java,nd4j,dl4j] [--workloads A,B,C] [--threads N] "
            + "[--epochs N] [--rounds N] [--warmup SECONDS] [--boston-epochs N] [--data-dir DIR]";

    /**
     * Rounds of A and B, each on every backend in turn, each with its own warm-up (and, for DL4J, its own JVM):
     * a backend's figure is the median of its rounds' medians (their mean for two). The VM's speed can move within
     * the minutes of one run: one run of 2026-12-07 started with the cross-core round trip at 729 ns and every
     * backend slow, and had sped up by the time DL4J, timed last, ran (nd4j 1.04x ahead of it on A, against
     * 1.68-1.69x in the runs before and after). Taking turns, every backend sees both. Three, so that the median is
     * one round's figure: a round of the java backend's two-thread A or B sometimes takes twice as long as the
     * rounds around it (A 0.032-0.033 s against 0.016-0.017, B 0.049 against 0.020, in 5 of 28 rounds on
     * 2026-12-07), and the mean of two took half of that. C, minutes long for DL4J, runs once, in a fresh JVM.
     */
    static final int DEFAULT_ROUNDS = 3;

    /**
     * Seconds each workload runs, untimed, before it is measured (and at least two epochs). Two epochs alone left
     * the JIT compiling through the measured ones: B's median was 0.050 s after two epochs and 0.024 s after
     * sixty, the same code. Every backend, and the DL4J peer in its JVM, gets the same warm-up.
     */
    static final double DEFAULT_WARMUP_SECONDS = 5;

    /** Exit code 2 for a bad command line, 1 for a failure, each with one line on standard error. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("nn-bench: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("nn-bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int positive(Map<String, String> opts, String key, int defaultValue) {
        return option(opts, key, defaultValue, Integer::parseInt, n -> n >= 1, "a positive integer");
    }

    private static double seconds(Map<String, String> opts, String key, double defaultValue) {
        return option(opts, key, defaultValue, Double::parseDouble, t -> t >= 0 && t <= 3600, "seconds from 0 to 3600");
    }

    /** The value of {@code --key}, or the default; a value that does not parse or is not valid is a usage error. */
    private static <T> T option(Map<String, String> opts, String key, T defaultValue,
            java.util.function.Function<String, T> parse, java.util.function.Predicate<T> valid, String expects) {
        String v = opts.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            T value = parse.apply(v);
            if (valid.test(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + key + " expects " + expects + ", received '" + v + "'. " + USAGE);
    }

    /** {@code 5} rather than {@code 5.0}; {@code 0.5} as it is. */
    static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    static void run(String[] args) {
        Map<String, String> opts = parse(args);
        List<String> backends = List.of(opts.getOrDefault("backend", String.join(",", Backends.available())).split(","));
        for (String b : backends) {
            if (!b.equals(DL4J) && !Backends.available().contains(b)) {
                throw new IllegalArgumentException("unknown backend '" + b + "'; valid: "
                        + String.join(", ", Backends.available()) + ", " + DL4J);
            }
        }
        int threads = positive(opts, "threads", 2);
        int epochs = positive(opts, "epochs", 11);
        int roundCount = positive(opts, "rounds", DEFAULT_ROUNDS);
        String workloads = opts.getOrDefault("workloads", "A,B,C").toUpperCase(Locale.ROOT);
        int bostonEpochs = positive(opts, "boston-epochs", Workloads.Boston.EPOCHS);
        double warmup = seconds(opts, "warmup", DEFAULT_WARMUP_SECONDS);
        if (!workloads.matches("[ABC](,[ABC])*")) {
            throw new IllegalArgumentException("--workloads expects a comma-separated list of A, B and C, received '"
                    + workloads + "'. " + USAGE);
        }
        System.out.printf(Locale.ROOT, "nn-bench: %d measured epochs after %s s of warm-up (at least 2 epochs), "
                + "%d threads, %d cores, Java %s%n", epochs, fmt(warmup), threads,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (opts.containsKey("data-dir")) {
            DataLoading.run(java.nio.file.Path.of(opts.get("data-dir")));
        }
        System.out.println("cross-core round trip before: " + CrossCore.roundTripNanos() + " ns");
        Workloads.Imdb imdb = new Workloads.Imdb();
        Workloads.Reuters reuters = new Workloads.Reuters();
        Workloads.Boston boston = new Workloads.Boston();
        Map<String, List<Result[]>> rounds = new LinkedHashMap<>();
        backends.forEach(name -> rounds.put(name, new ArrayList<>()));
        String textWorkloads = workloads.replaceAll("[^AB]", "");
        for (int round = 1; round <= roundCount && !textWorkloads.isEmpty(); round++) {
            if (roundCount > 1) {
                System.out.printf(Locale.ROOT, "round %d of %d%n", round, roundCount);
            }
            for (String name : backends) {
                rounds.get(name).add(run(name, textWorkloads, threads, epochs, warmup, bostonEpochs, round == 1,
                        imdb, reuters, boston));
            }
        }
        Map<String, Result[]> results = new LinkedHashMap<>();
        for (String name : backends) {
            Result[] r = workloads.contains("C")
                    ? run(name, "C", threads, epochs, warmup, bostonEpochs, textWorkloads.isEmpty(), imdb, reuters, boston)
                    : new Result[] {NONE, NONE, NONE};
            r[0] = medianOfRounds(rounds.get(name), 0);
            r[1] = medianOfRounds(rounds.get(name), 1);
            results.put(name, r);
        }
        if (roundCount > 1 && !textWorkloads.isEmpty()) {
            System.out.printf(Locale.ROOT, "A and B: the median of each backend's %d rounds%n", roundCount);
            for (String name : backends) {
                for (int i = 0; i < 2; i++) {
                    if (workloads.contains(String.valueOf((char) ('A' + i)))) {
                        print(label(i, bostonEpochs), name, results.get(name)[i], false);
                    }
                }
            }
        }
        System.out.println("cross-core round trip after: " + CrossCore.roundTripNanos() + " ns");
        // with DL4J present, every backend is set against it (time / DL4J's time: below 1 is faster)
        String base = results.containsKey(DL4J) ? DL4J : backends.get(0);
        for (String name : backends) {
            if (!name.equals(base)) {
                Result[] r = results.get(name);
                Result[] b = results.get(base);
                System.out.printf(Locale.ROOT, "ratio %s/%s: A %.2fx  B %.2fx  C %.2fx%n", name, base,
                        r[0].perEpoch / b[0].perEpoch, r[1].perEpoch / b[1].perEpoch, r[2].total / b[2].total);
            }
        }
    }

    /** Workloads {@code which} on {@code backend}; the data of those not named may be null. */
    static Result[] workloads(Backend backend, String which, int epochs, double warmup, int bostonEpochs,
            Workloads.Imdb imdb, Workloads.Reuters reuters, Workloads.Boston boston) {
        Result[] r = {NONE, NONE, NONE};
        if (which.contains("A")) {
            r[0] = epochs(() -> imdb.setUp(backend), imdb::epoch, epochs, warmup);
        }
        if (which.contains("B")) {
            r[1] = epochs(() -> reuters.setUp(backend), reuters::epoch, epochs, warmup);
        }
        if (which.contains("C")) {
            r[2] = steps(e -> boston.run(backend, e), bostonEpochs, warmup);
        }
        return r;
    }

    /** A workload that did not run. */
    static final Result NONE = new Result(Double.NaN, Double.NaN, Double.NaN, 0);

    /**
     * Workloads {@code which} (those of A, B, C it names) on backend {@code name}, printed as they end: in this JVM,
     * except DL4J's (always a JVM of its own) and a backend's C run alone (so called once per backend after the
     * rounds; see {@link Forked}).
     */
    private static Result[] run(String name, String which, int threads, int epochs, double warmup, int bostonEpochs,
            boolean describe, Workloads.Imdb imdb, Workloads.Reuters reuters, Workloads.Boston boston) {
        Result[] r;
        if (name.equals(DL4J)) {
            r = Forked.dl4j(threads, epochs, warmup, which, bostonEpochs, describe);
        } else if (which.equals("C")) {
            r = Forked.backend(name, threads, epochs, warmup, which, bostonEpochs, describe);
        } else {
            try (Backend backend = Backends.create(name, threads)) {
                if (describe) {
                    System.out.println("backend: " + backend.description());
                }
                r = workloads(backend, which, epochs, warmup, bostonEpochs, imdb, reuters, boston);
            }
        }
        for (int i = 0; i < 3; i++) {
            if (which.contains(String.valueOf((char) ('A' + i)))) {
                print(label(i, bostonEpochs), name, r[i], i == 2);
            }
        }
        return r;
    }

    /**
     * Workload {@code i}'s figure over rounds: the median of the rounds' per-epoch medians (the mean of the middle
     * two for an even count), with the largest peak heap; {@code NONE} where it did not run.
     */
    static Result medianOfRounds(List<Result[]> rounds, int i) {
        double[] perEpoch = rounds.stream().mapToDouble(r -> r[i].perEpoch()).filter(v -> !Double.isNaN(v)).sorted()
                .toArray();
        if (perEpoch.length == 0) {
            return NONE;
        }
        int m = perEpoch.length / 2;
        double median = perEpoch.length % 2 == 1 ? perEpoch[m] : (perEpoch[m - 1] + perEpoch[m]) / 2;
        return new Result(median, rounds.stream().mapToDouble(r -> r[i].total()).filter(v -> !Double.isNaN(v)).sum(),
                Double.NaN, rounds.stream().mapToLong(r -> r[i].peakHeap()).max().orElse(0));
    }

    /** Workload {@code 0, 1, 2} (A, B, C) as printed. */
    private static String label(int workload, int bostonEpochs) {
        return switch (workload) {
            case 0 -> "A imdb epoch + predict 10000";
            case 1 -> "B reuters epoch + eval 1000";
            default -> "C boston 4 folds x " + bostonEpochs + " epochs";
        };
    }

    /**
     * Workload C: {@code run(epochs)} returns its training steps. Runs of two epochs warm it up ({@link #warmUp}),
     * then one run of {@code epochs} is timed.
     */
    static Result steps(java.util.function.IntToLongFunction run, int epochs, double warmupSeconds) {
        warmUp(() -> run.applyAsLong(2), warmupSeconds);
        long start = System.nanoTime();
        long steps = run.applyAsLong(epochs);
        double total = (System.nanoTime() - start) / 1e9;
        return new Result(Double.NaN, total, total * 1e6 / steps, peakHeap());
    }

    /** Workloads A and B: after {@link #warmUp}, {@code measured} epochs are timed one by one; their median. */
    static Result epochs(Runnable setUp, Runnable epoch, int measured, double warmupSeconds) {
        setUp.run();
        warmUp(epoch, warmupSeconds);
        double[] times = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            epoch.run();
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return new Result(times[measured / 2], Arrays.stream(times).sum(), Double.NaN, peakHeap());
    }

    /**
     * Runs {@code work} twice, resets the peak heap ({@link #resetPeak}), then runs it again until {@code seconds}
     * have passed since it started. The peak counts from there, not from the end of the warm-up: the full
     * collection that resets it shrinks G1's heap to what is live, and the epochs right after it fault in the
     * pages of a fresh young generation. Reset after the warm-up, A's first six measured epochs on java took
     * 0.022-0.025 s and the ones after 0.0155-0.017 s, and its median of eleven was 0.021-0.023 s; with
     * {@code -XX:+AlwaysPreTouch} (every page of the heap touched at start-up) there was no such step. Reset here,
     * the rest of the warm-up grows the heap back before anything is timed, for every backend and for DL4J alike.
     */
    static void warmUp(Runnable work, double seconds) {
        long start = System.nanoTime();
        work.run();
        work.run();
        resetPeak();
        while (System.nanoTime() - start < seconds * 1e9) {
            work.run();
        }
    }

    private static void print(String workload, String backend, Result r, boolean steps) {
        String figures = steps
                ? String.format(Locale.ROOT, "%8.3f s total  %8.2f us/step", r.total, r.perStepMicros)
                : String.format(Locale.ROOT, "%8.4f s/epoch (median)", r.perEpoch);
        System.out.printf(Locale.ROOT, "%-34s %-6s %s  peak heap %5d MB%n", workload, backend, figures,
                r.peakHeap >> 20);
    }

    static void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("--") || i + 1 >= rest.size()) {
                throw new IllegalArgumentException("received '" + a + "' without a value. " + USAGE);
            }
            opts.put(a.substring(2), rest.get(++i));
        }
        return opts;
    }
}
