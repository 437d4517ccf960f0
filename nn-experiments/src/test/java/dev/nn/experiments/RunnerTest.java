package dev.nn.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nn.api.Backends;
import dev.nn.api.spi.Backend;
import dev.nn.experiments.results.ExperimentResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

            public ExperimentResult run(RunContext context) {
                return body.apply(context);
            }
        };
    }

    @Test
    void theRunsLanesServeEveryExperimentAndAreClosedAtTheEndEvenAfterAFailure() throws Exception {
        List<Backend> made = Collections.synchronizedList(new ArrayList<>());
        List<Backend> closed = Collections.synchronizedList(new ArrayList<>());
        List<List<Backend>> lanesSeen = new ArrayList<>();
        try (Backend two = Backends.create("java", 2)) {
            Runner runner = new Runner(recording(two, made, closed), null);
            Experiment first = experiment("first", ctx -> {
                lanesSeen.add(ctx.lanes());
                assertThat(closed).as("lanes open while the run goes on").isEmpty();
                return ExperimentResult.of(experiment("first", c -> null)).build();
            });
            Experiment failing = experiment("failing", ctx -> {
                lanesSeen.add(ctx.lanes());
                throw new IllegalStateException("training diverged");
            });
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> runner.run(List.of(first, failing), new RunOptions(1, 1, 0, 0), l -> null,
                    ModelStore.none(), out)).hasMessage("training diverged");
            assertThat(made).hasSize(2);
            assertThat(lanesSeen).containsExactly(made, made);
            assertThat(closed).containsExactlyInAnyOrderElementsOf(made);
        }
    }
}
