package dev.nn.bench;

import dev.nn.api.Backends;
import dev.nn.api.spi.Backend;

/**
 * A backend's workloads in a JVM of their own ({@link Forked#backend}), with the bench's warm-up and timing: prints
 * the backend's description and one {@code RESULT} line per workload for the parent to read. Arguments: backend,
 * threads, measured epochs, workloads, Boston epochs, warm-up seconds.
 */
final class BackendPeer {

    private BackendPeer() {
    }

    /** Exit code 1 on a failure, with one line on standard error (the parent names the run that failed). */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (RuntimeException e) {
            System.err.println("nn-bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) {
        String name = args[0];
        int threads = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        String workloads = args[3];
        int bostonEpochs = Integer.parseInt(args[4]);
        double warmup = Double.parseDouble(args[5]);
        try (Backend backend = Backends.create(name, threads)) {
            System.out.println("DESCRIPTION " + backend.description());
            Bench.Result[] r = Bench.workloads(backend, workloads, epochs, warmup, bostonEpochs,
                    workloads.contains("A") ? new Workloads.Imdb() : null,
                    workloads.contains("B") ? new Workloads.Reuters() : null,
                    workloads.contains("C") ? new Workloads.Boston() : null);
            for (int i = 0; i < 3; i++) {
                if (workloads.contains(String.valueOf((char) ('A' + i)))) {
                    Forked.report(String.valueOf((char) ('A' + i)), r[i]);
                }
            }
        }
    }
}
