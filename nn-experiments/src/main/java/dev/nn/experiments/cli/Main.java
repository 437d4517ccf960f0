package dev.nn.experiments.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.nn.api.Backends;
import dev.nn.api.UnknownBackendException;
import dev.nn.api.spi.Backend;
import dev.nn.datasets.DataFiles;
import dev.nn.experiments.Experiment;
import dev.nn.experiments.Experiments;
import dev.nn.experiments.ExperimentsModule;
import dev.nn.experiments.ModelStore;
import dev.nn.experiments.RunOptions;
import dev.nn.experiments.Runner;
import dev.nn.experiments.UnknownExperimentException;
import dev.nn.experiments.results.RunFiles;
import dev.nn.experiments.results.RunRecord;
import dev.nn.experiments.results.RunReport;
import dev.nn.reports.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The command line of the experiments. Exit codes: 0 done, 1 failed (e.g. a missing data file), 2 bad usage. */
@Command(name = "nn-experiments", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = PredictCommand.class,
        description = "Runs the Chapter 3 experiments of Deep Learning with Python and writes results.json, "
                + "report.md, report.html and the curves to --out.")
public final class Main implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..*",
            description = "Ids, sections (3.4 takes 3.4.x too) or all (the default). --list shows them.")
    List<String> selectors = new ArrayList<>(List.of("all"));

    @Option(names = "--backend", defaultValue = "java", description = "Compute backend: java or nd4j. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--list", description = "List the experiments and backends, then exit.")
    boolean list;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of weights and shuffles. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--repeats", defaultValue = "3", description = "Train each test-set model with this many seeds "
            + "(--seed, --seed + 1, ...) and report the mean; 1 runs the book's single training. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--epochs", defaultValue = "0", description = "Cap every training at N epochs (quick runs); 0 keeps the book's.")
    int epochs;

    @Option(names = "--folds", defaultValue = "0", description = "Run only N of the K folds; 0 runs all.")
    int folds;

    @Option(names = "--smoke", description = "A smoke run: --epochs 1 --folds 1.")
    boolean smoke;

    @Option(names = "--threads", description = "Kernel threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--data-dir", description = "Directory of the Keras files; else NN_DATA_DIR, ~/.keras/datasets, download.")
    Path dataDir;

    @Option(names = "--out", description = "Output directory. Default: runs/<timestamp>-<backend>, or runs/report-<timestamp> with --report.")
    Path out;

    @Option(names = "--report", arity = "1..*", paramLabel = "RESULTS_JSON",
            description = "Render one report from these results.json files (e.g. one per backend) instead of running.")
    List<Path> reportInputs;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream console = System.out;

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("error: " + e.getMessage());
            return e instanceof UnknownBackendException || e instanceof UnknownExperimentException
                    || e instanceof CommandLine.ParameterException ? 2 : 1;
        });
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // what was finished has been written; say how much heap there was and how to give more
            System.err.printf("error: out of memory (the JVM's maximum heap is %d MB); give it more, e.g. "
                    + "MAVEN_OPTS=-Xmx4g for mvn exec:java, or java -Xmx4g ...%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            return 1;
        }
    }

    /** A figure the report could not draw is named on the console as well as in the report. */
    private void warnNotDrawn(Reports.Rendered r) {
        r.notDrawn().forEach((id, why) -> console.println("warning: figure " + id + " not drawn: " + why));
    }

    /** The most kernel threads accepted: far above any core count, below the thread pools' own limit. */
    static final int MAX_THREADS = 1024;

    @Override
    public Integer call() throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        if (reportInputs != null) {
            List<RunRecord> runs = new ArrayList<>();
            for (Path p : reportInputs) {
                runs.add(RunFiles.read(p));
            }
            Path dir = out != null ? out : Path.of("runs", "report-" + stamp);
            // a report written back into its run's own folder links to the models saved there
            boolean ownFolder = runs.size() == 1 && dir.toAbsolutePath().normalize().equals(
                    reportInputs.get(0).toAbsolutePath().normalize().getParent());
            Reports.Rendered r = Reports.render(RunReport.of(runs, ownFolder), dir);
            warnNotDrawn(r);
            console.println("report: " + r.html().toAbsolutePath());
            return 0;
        }
        if (repeats < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--repeats': must be at least 1, received " + repeats);
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--threads': "
                    + "expected 1 to " + MAX_THREADS + ", received " + threads);
        }
        if (folds > dev.nn.experiments.book.BostonRegression.K) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--folds': "
                    + "expected 0 (all) to " + dev.nn.experiments.book.BostonRegression.K + ", the book's K, received "
                    + folds);
        }
        if (dataDir != null && !java.nio.file.Files.isDirectory(dataDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--data-dir': "
                    + dataDir.toAbsolutePath() + " is not a folder; pass the folder that holds the Keras files, or "
                    + "leave --data-dir out to use ~/.keras/datasets and download");
        }
        if (out != null && out.toString().isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--out': "
                    + "expected a folder, received an empty path");
        }
        int kernelThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (Backend b = Backends.create(backend, kernelThreads)) {
            DataFiles files = DataFiles.builder().dataDir(dataDir).listener(new DownloadProgress(console)).build();
            Injector injector = Guice.createInjector(new ExperimentsModule(b, files));
            Experiments experiments = injector.getInstance(Experiments.class);
            if (list) {
                list(experiments);
                return 0;
            }
            List<Experiment> selected = experiments.select(selectors);
            Path dir = out != null ? out : Path.of("runs", stamp + "-" + b.name());
            LOG.info("Backend {}", b.description());
            RunOptions options;
            try {
                options = new RunOptions(seed, repeats, smoke ? 1 : epochs, smoke ? 1 : folds);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            preflight(selected, files, dir);
            boolean live = System.console() != null;
            ConsoleProgress.Trainings training = new ConsoleProgress.Trainings();
            java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
            Thread interrupted = new Thread(() -> System.err.printf("%nstopped before the end: %d of %d experiments finished; "
                    + "their results are kept in %s (render them with --report %s)%n", finished.get(), selected.size(),
                    dir.resolve(RunFiles.FILE_NAME), dir.resolve(RunFiles.FILE_NAME)));
            Runtime.getRuntime().addShutdownHook(interrupted);
            RunRecord run;
            try {
                run = injector.getInstance(Runner.class).run(selected, options,
                        label -> new ConsoleProgress(console, label, live, training), ModelStore.in(dir), done -> {
                            try {
                                RunFiles.write(done, dir);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            finished.set(done.experiments().size());
                        }, console);
            } finally {
                if (finished.get() == selected.size()) {
                    Runtime.getRuntime().removeShutdownHook(interrupted);
                }
            }
            Path json = RunFiles.write(run, dir);
            Reports.Rendered r = Reports.render(RunReport.of(List.of(run), true), dir);
            warnNotDrawn(r);
            console.printf("%nresults: %s%nreport:  %s%nwall time: %.1f s%n", json.toAbsolutePath(),
                    r.html().toAbsolutePath(), run.wallSeconds());
            return 0;
        }
    }

    /**
     * Before any training: every data file the selected experiments read is found and verified (downloaded if
     * need be), and the output folder is created and proven writable, so that no run fails after minutes of work.
     */
    private static void preflight(List<Experiment> selected, DataFiles files, Path dir) throws IOException {
        java.util.Set<dev.nn.datasets.KerasFile> needed = java.util.EnumSet.noneOf(dev.nn.datasets.KerasFile.class);
        selected.forEach(e -> needed.addAll(e.files()));
        for (dev.nn.datasets.KerasFile f : needed) {
            files.locate(f);
        }
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile(dir, ".probe", ".tmp"));
        } catch (IOException e) {
            throw new IOException("cannot write the results to --out " + dir.toAbsolutePath() + " (" + e + "); "
                    + "pass --out with a writable folder", e);
        }
    }

    private void list(Experiments experiments) {
        console.println("Experiments (id, section, title):");
        for (Experiment e : experiments.all()) {
            console.printf("  %-22s %-6s %s%n", e.id(), e.section(), e.title());
        }
        console.println("Backends: " + String.join(", ", Backends.available()));
    }
}
