package dev.nn.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nn.api.Backends;
import dev.nn.api.spi.Backend;
import dev.nn.experiments.results.ExperimentResult;
import dev.nn.experiments.results.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunnerTest {

    /** {@code real}, recording in {@code closed} the siblings it makes once they are closed. */
    private static Backend recording(Backend real, List<Backend> made, List<Backend> closed) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("singleThreadedSibling")) {
                        Optional<Backend> realSibling = (Optional<Backend>) method.invoke(real);
                        Backend sibling = recording(realSibling.orElseThrow(), made, closed);
                        made.add(sibling);
                        return Optional.of(sibling);
                    }
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if (method.getName().equals("close")) {
                        closed.add((Backend) proxy);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** An experiment that runs {@code body} on the run's context. */
    private static Experiment experiment(String id, java.util.function.Function<RunContext, ExperimentResult> body) {
        return experiment(id, 0, body::apply);
    }

    /** An experiment that runs {@code body} on the run's context and is expected to take {@code seconds}. */
    private static Experiment experiment(String id, double seconds, IoBody body) {
        return new Experiment() {
            public String id() {
                return id;
            }

            public String section() {
                return "3.0";
            }

            public String title() {
                return id;
            }

            public String description() {
                return id;
            }

            public Set<dev.nn.datasets.KerasFile> files() {
                return Set.of();
            }

            public List<BookValue> book() {
                return List.of();
            }

            public double expectedSeconds() {
                return seconds;
            }

            public ExperimentResult run(RunContext context) throws IOException {
                return body.apply(context);
            }

            @Override
            public String toString() {
                return id;
            }
        };
    }

    /** An experiment's body, which may fail as {@link Experiment#run} may. */
    @FunctionalInterface
    private interface IoBody {
        ExperimentResult apply(RunContext ctx) throws IOException;
    }

    private static ExperimentResult result(String id) {
        return ExperimentResult.of(experiment(id, c -> null)).build();
    }

    @Test
    void aSingleExperimentRunsOnTheRunsBackendWithItsLanesWhichAreClosedAtTheEndEvenAfterAFailure() throws Exception {
        List<Backend> made = Collections.synchronizedList(new ArrayList<>());
        List<Backend> closed = Collections.synchronizedList(new ArrayList<>());
        try (Backend two = Backends.create("java", 2)) {
            Backend backend = recording(two, made, closed);
            List<RunContext> seen = new ArrayList<>();
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            new Runner(backend, null).run(List.of(experiment("first", ctx -> {
                seen.add(ctx);
                assertThat(closed).as("lanes open while the run goes on").isEmpty();
                return result("first");
            })), new RunOptions(1, 1, 0, 0), l -> null, ModelStore.none(), out);
            assertThat(seen.get(0).backend()).isSameAs(backend);
            assertThat(made).hasSize(2);
            assertThat(seen.get(0).lanes()).containsExactlyElementsOf(made);
            assertThat(closed).containsExactlyInAnyOrderElementsOf(made);

            made.clear();
            closed.clear();
            assertThatThrownBy(() -> new Runner(backend, null).run(List.of(experiment("failing", ctx -> {
                throw new IllegalStateException("training diverged");
            })), new RunOptions(1, 1, 0, 0), l -> null, ModelStore.none(), out)).hasMessage("training diverged");
            assertThat(made).hasSize(2);
            assertThat(closed).containsExactlyInAnyOrderElementsOf(made);
        }
    }

    @Test
    void severalExperimentsRunSideBySideOnTheLanesLongestFirstAndAreRecordedInTheSelectionsOrder() throws Exception {
        List<Backend> made = Collections.synchronizedList(new ArrayList<>());
        List<Backend> closed = Collections.synchronizedList(new ArrayList<>());
        try (Backend two = Backends.create("java", 2)) {
            CountDownLatch longestTwo = new CountDownLatch(2);
            List<String> started = Collections.synchronizedList(new ArrayList<>());
            List<RunContext> seen = Collections.synchronizedList(new ArrayList<>());
            List<Experiment> selected = new ArrayList<>();
            double[] seconds = {1, 9, 2, 8, 2};
            for (int i = 0; i < seconds.length; i++) {
                String id = "e" + i;
                boolean longest = seconds[i] > 5;
                selected.add(experiment(id, seconds[i], ctx -> {
                    started.add(id);
                    seen.add(ctx);
                    if (longest) {
                        // the two longest can only both pass here if they run at the same time
                        RunContextTest.meet(longestTwo, id);
                    }
                    return result(id);
                }));
            }
            List<List<String>> checkpoints = Collections.synchronizedList(new ArrayList<>());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            RunRecord run = new Runner(recording(two, made, closed), null).run(selected, new RunOptions(1, 1, 0, 0),
                    l -> null, ModelStore.none(), done -> checkpoints.add(done.experiments().stream()
                            .map(ExperimentResult::id).toList()), out);

            assertThat(run.experiments()).extracting(ExperimentResult::id).containsExactly("e0", "e1", "e2", "e3",
                    "e4");
            assertThat(started.subList(0, 2)).as("the longest first").containsExactlyInAnyOrder("e1", "e3");
            assertThat(Runner.startOrder(selected)).as("then by expected seconds, ties in selection order")
                    .containsExactly(1, 3, 2, 4, 0);
            assertThat(seen).allSatisfy(c -> {
                assertThat(made).contains(c.backend());
                assertThat(c.backend().threads()).isEqualTo(1);
                assertThat(c.lanes()).as("an experiment on a lane has no lanes of its own").isEmpty();
            });
            assertThat(seen.stream().map(RunContext::backend).distinct().count()).isEqualTo(2);
            assertThat(checkpoints).hasSize(5);
            assertThat(checkpoints.get(4)).containsExactly("e0", "e1", "e2", "e3", "e4");
            for (int i = 0; i < 5; i++) {
                assertThat(checkpoints.get(i)).hasSize(i + 1).isSortedAccordingTo(java.util.Comparator.naturalOrder());
            }
            String console = bytes.toString(StandardCharsets.UTF_8);
            assertThat(console).contains("== [2/5] 3.0 e1 (e1)", "-> e4 in ", "run: 5/5 done in ");
            assertThat(closed).containsExactlyInAnyOrderElementsOf(made);
        }
    }

    @Test
    void sideBySideTheFirstFailureIsThrownOnceTheOthersFinishedAndWhatFinishedIsCheckpointed() throws Exception {
        try (Backend two = Backends.create("java", 2)) {
            CountDownLatch failed = new CountDownLatch(1);
            List<String> ran = Collections.synchronizedList(new ArrayList<>());
            Experiment slow = experiment("slow", 9, ctx -> {
                try {
                    // finishes after the other lane's experiment has failed
                    assertThat(failed.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                ran.add("slow");
                return result("slow");
            });
            Experiment failing = experiment("failing", 8, ctx -> {
                ran.add("failing");
                failed.countDown();
                throw new java.io.FileNotFoundException("x.npz (no such file)");
            });
            Experiment later = experiment("later", 1, ctx -> {
                ran.add("later");
                return result("later");
            });
            List<List<String>> checkpoints = Collections.synchronizedList(new ArrayList<>());
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> new Runner(two, null).run(List.of(later, failing, slow), new RunOptions(1, 1, 0, 0),
                    l -> null, ModelStore.none(), done -> checkpoints.add(done.experiments().stream()
                            .map(ExperimentResult::id).toList()), out))
                    .as("an experiment's IOException comes out as it was thrown")
                    .isInstanceOf(java.io.FileNotFoundException.class).hasMessage("x.npz (no such file)");
            assertThat(ran).as("the experiment started after the failure is skipped")
                    .containsExactlyInAnyOrder("failing", "slow");
            assertThat(checkpoints).containsExactly(List.of("slow"));
        }
    }

    @Test
    void theTimeLeftGoesByTheExpectedSecondsOfWhatIsLeftOrByCountWhereOneIsUnknown() {
        List<Experiment> known = List.of(experiment("a", 1, c -> null), experiment("b", 3, c -> null));
        ExperimentResult[] done = {result("a"), null};
        assertThat(Runner.runProgress(known, done, 2.0)).isEqualTo("run: 1/2 done in 2s, about 6s left");
        List<Experiment> unknown = List.of(experiment("a", 1, c -> null), experiment("b", c -> null));
        assertThat(Runner.runProgress(unknown, done, 2.0)).isEqualTo("run: 1/2 done in 2s, about 2s left");
        assertThat(Runner.runProgress(known, new ExperimentResult[] {result("a"), result("b")}, 7.0))
                .isEqualTo("run: 2/2 done in 7s");
    }
}
