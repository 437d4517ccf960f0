package dev.nn.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nn.api.Backends;
import dev.nn.api.spi.Backend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunContextTest {

    private static Trial trial(long seed, Map<String, Double> metrics) {
        return new Trial(seed, null, null, metrics);
    }

    private static RunContext context(long seed, int repeats) {
        return new RunContext(null, null, new RunOptions(seed, repeats, 0, 0), label -> null, ModelStore.none());
    }

    @Test
    void repeatRunsOneTrialPerSeedInOrderAndAveragesEachMetric() {
        List<Long> seen = new ArrayList<>();
        RunContext.Repeated r = context(42, 3).repeat((c, seed) -> {
            seen.add(seed);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("test_loss", (double) seed);
            m.put("test_accuracy", seed == 43 ? 0.5 : 1.0);
            return trial(seed, m);
        });
        assertThat(r.trials()).extracting(Trial::seed).containsExactly(42L, 43L, 44L);
        assertThat(r.first().seed()).isEqualTo(42L);
        assertThat(seen).containsExactly(42L, 43L, 44L);
        assertThat(r.means()).containsExactly(Map.entry("test_loss", 43.0), Map.entry("test_accuracy", 2.5 / 3));
        assertThat(r.repeats().seeds()).containsExactly(42L, 43L, 44L);
        assertThat(r.repeats().values().get("test_accuracy")).containsExactly(1.0, 0.5, 1.0);
        assertThat(r.repeats().std("test_loss")).isEqualTo(1.0);
        assertThat(r.repeats().std("missing")).isNaN();
        assertThat(r.repeats().mean("test_loss")).isEqualTo(43.0);
        assertThat(r.repeats().mean("missing")).isNaN();
    }

    @Test
    void oneRepeatIsTheBooksSingleTraining() {
        RunContext.Repeated r = context(7, 1).repeat((c, seed) -> trial(seed, Map.of("test_mae", 2.5)));
        assertThat(r.means()).containsExactly(Map.entry("test_mae", 2.5));
        assertThat(r.repeats().seeds()).containsExactly(7L);
        assertThat(r.repeats().std("test_mae")).isZero();
        assertThat(context(7, 1).seedLabel("boston: final model", 7)).isEqualTo("boston: final model");
        assertThat(context(7, 3).seedLabel("boston: final model", 8)).isEqualTo("boston: final model, seed 8 (2/3)");
    }

    @Test
    void trialsThatDisagreeOnTheirMetricsOrZeroRepeatsAreRejected() {
        assertThatThrownBy(() -> context(1, 2).repeat((c, seed) -> trial(seed,
                seed == 1 ? Map.of("a", 1.0) : Map.of("b", 1.0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Seed 2 gave metrics [b]");
        assertThatThrownBy(() -> context(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats=0");
        assertThatThrownBy(() -> new RunOptions(1, 1, -1, 0)).hasMessageContaining("epochs=-1");
        assertThatThrownBy(() -> new RunOptions(1, 1, 0, -2)).hasMessageContaining("folds=-2");
    }

    private static RunContext on(Backend backend) {
        return new RunContext(backend, null, new RunOptions(1, 1, 0, 0), label -> null, ModelStore.none());
    }

    /** Runs {@code test} on a context with {@code backend}'s lanes, as the Runner makes them; closes them after. */
    private static void withLanes(Backend backend, int repeats, java.util.function.Consumer<RunContext> test) {
        List<Backend> lanes = RunContext.lanesOf(backend);
        try {
            test.accept(new RunContext(backend, null, new RunOptions(42, repeats, 0, 0), label -> null,
                    ModelStore.none(), lanes));
        } finally {
            lanes.forEach(Backend::close);
        }
    }

    /** Counts down {@code latch} and waits for it: passes only if as many callers as its count are here at once. */
    static void meet(CountDownLatch latch, String who) {
        latch.countDown();
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).as(who + " had company").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLanesAreOneOneThreadSiblingPerThreadAndNoneOnOneThread() {
        try (Backend two = Backends.create("java", 2); Backend one = Backends.create("java", 1)) {
            List<Backend> lanes = RunContext.lanesOf(two);
            try {
                assertThat(lanes).hasSize(2).doesNotContain(two);
                assertThat(lanes).extracting(Backend::threads).containsExactly(1, 1);
                assertThat(lanes.get(0)).isNotSameAs(lanes.get(1));
            } finally {
                lanes.forEach(Backend::close);
            }
            assertThat(RunContext.lanesOf(one)).isEmpty();
            assertThat(RunContext.lanesOf(null)).isEmpty();
            assertThatThrownBy(() -> new RunContext(two, null, new RunOptions(1, 1, 0, 0), l -> null, ModelStore.none(),
                    List.of(one))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("received one");
        }
    }

    @Test
    void repeatedTrialsRunSideBySideOnTheLanesAndComeBackInSeedOrder() {
        try (Backend two = Backends.create("java", 2)) {
            withLanes(two, 3, ctx -> {
                CountDownLatch firstTwo = new CountDownLatch(2);
                List<Backend> seen = Collections.synchronizedList(new ArrayList<>());
                RunContext.Repeated r = ctx.repeat((c, seed) -> {
                    seen.add(c.backend());
                    assertThat(c.lanes()).as("a lane has no lanes of its own").isEmpty();
                    if (seed < 44) {
                        meet(firstTwo, "seed " + seed);
                    }
                    return trial(seed, Map.of("test_loss", (double) seed));
                });
                assertThat(r.trials()).extracting(Trial::seed).containsExactly(42L, 43L, 44L);
                assertThat(r.means()).containsExactly(Map.entry("test_loss", 43.0));
                assertThat(seen).hasSize(3).allSatisfy(b -> assertThat(ctx.lanes()).contains(b));
            });
        }
    }

    @Test
    void bothRunsItsTwoTasksSideBySideAndWhatEachRunsWithinItsLaneInOrder() {
        try (Backend two = Backends.create("java", 2)) {
            withLanes(two, 2, ctx -> {
                CountDownLatch both = new CountDownLatch(2);
                List<String> inSecond = Collections.synchronizedList(new ArrayList<>());
                RunContext.Both<String, RunContext.Repeated> r = ctx.both(c -> {
                    meet(both, "the first task");
                    return "validation";
                }, c -> {
                    meet(both, "the second task");
                    Thread lane = Thread.currentThread();
                    return c.repeat((cc, seed) -> {
                        // one after another on the second task's own lane: there are no lanes left to split into
                        assertThat(Thread.currentThread()).isSameAs(lane);
                        assertThat(cc).isSameAs(c);
                        inSecond.add("seed " + seed);
                        return trial(seed, Map.of("m", 1.0));
                    });
                });
                assertThat(r.first()).isEqualTo("validation");
                assertThat(r.second().trials()).extracting(Trial::seed).containsExactly(42L, 43L);
                assertThat(inSecond).containsExactly("seed 42", "seed 43");
            });
            // without lanes, in order on the context itself
            List<String> order = new ArrayList<>();
            RunContext plain = on(two);
            RunContext.Both<Integer, Integer> r = plain.both(c -> {
                assertThat(c).isSameAs(plain);
                order.add("first");
                return 1;
            }, c -> {
                order.add("second");
                return 2;
            });
            assertThat(r).isEqualTo(new RunContext.Both<>(1, 2));
            assertThat(order).containsExactly("first", "second");
        }
    }

    @Test
    void concurrentTasksRunSideBySideOnBackendsOfTheirOwnAndReturnInTaskOrder() throws Exception {
        try (Backend two = Backends.create("java", 2)) {
            CountDownLatch bothRunning = new CountDownLatch(2);
            List<Backend> seen = Collections.synchronizedList(new ArrayList<>());
            List<Function<RunContext, Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int task = i;
                tasks.add(c -> {
                    seen.add(c.backend());
                    assertThat(c.backend()).isNotSameAs(two);
                    assertThat(c.backend().threads()).isEqualTo(1);
                    assertThat(c.backend().name()).isEqualTo("java");
                    if (task < 2) {
                        bothRunning.countDown();
                        try {
                            // the first two can only both pass here if they run at the same time
                            assertThat(bothRunning.await(20, TimeUnit.SECONDS)).as("task " + task + " had company").isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return task * 10;
                });
            }
            withLanes(two, 1, ctx -> assertThat(ctx.concurrently(tasks)).containsExactly(0, 10, 20, 30, 40));
            assertThat(seen).hasSize(5);
            assertThat(seen.stream().distinct().count()).as("one sibling per lane").isEqualTo(2);
        }
    }

    @Test
    void withoutABackendTheTasksRunInOrderOnTheContextItself() {
        RunContext ctx = context(42, 1);
        List<Function<RunContext, RunContext>> tasks = List.of(c -> c, c -> c);
        assertThat(ctx.concurrently(tasks)).containsExactly(ctx, ctx);
    }

    @Test
    void oneThreadRunsTheTasksInOrderOnTheContextItself() {
        try (Backend one = Backends.create("java", 1)) {
            RunContext ctx = on(one);
            List<Integer> order = new ArrayList<>();
            List<Function<RunContext, Integer>> tasks = List.of(c -> {
                assertThat(c).isSameAs(ctx);
                order.add(0);
                return 0;
            }, c -> {
                order.add(1);
                return 1;
            });
            assertThat(ctx.concurrently(tasks)).containsExactly(0, 1);
            assertThat(order).containsExactly(0, 1);
        }
    }

    @Test
    void theFirstFailureInTaskOrderIsThrownOnceTheLanesStopAndLaterTasksAreSkipped() {
        try (Backend two = Backends.create("java", 2)) {
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch secondFailed = new CountDownLatch(1);
            List<Function<RunContext, Integer>> tasks = new ArrayList<>();
            tasks.add(c -> {
                try {
                    // fail after task 1 has failed, so that the later failure in time is the first in order
                    assertThat(secondFailed.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                ran.add(0);
                throw new IllegalArgumentException("task 0 failed");
            });
            tasks.add(c -> {
                ran.add(1);
                secondFailed.countDown();
                throw new OutOfMemoryError("task 1 ran out");
            });
            for (int i = 2; i < 40; i++) {
                int task = i;
                tasks.add(c -> {
                    ran.add(task);
                    return task;
                });
            }
            withLanes(two, 1, ctx -> assertThatThrownBy(() -> ctx.concurrently(tasks))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("task 0 failed"));
            assertThat(ran).as("tasks after the first failure are skipped").containsExactlyInAnyOrder(0, 1);
        }
    }
}
