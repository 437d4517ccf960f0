package dev.nn.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParallelTest {

    /** Enough work that every call splits. */
    private static final long SPLIT = Parallel.MIN_WORK * 64;

    @ParameterizedTest(name = "{0} threads, n = {1}, grain {2}")
    @CsvSource({"2, 128, 4", "2, 1000, 4", "3, 1000, 16", "2, 7, 1", "2, 3, 4", "4, 4096, 16", "2, 46, 1"})
    void everyIndexRunsOnceAndChunksStartOnTheGrain(int threads, int n, int grain) {
        try (Parallel parallel = new Parallel(threads)) {
            for (int round = 0; round < 50; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(n);
                List<int[]> chunks = Collections.synchronizedList(new ArrayList<>());
                parallel.range(n, SPLIT, grain, (from, to) -> {
                    chunks.add(new int[] {from, to});
                    for (int i = from; i < to; i++) {
                        runs.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertThat(runs.get(i)).as("runs of index %d", i).isEqualTo(1);
                }
                for (int[] c : chunks) {
                    assertThat(c[0] % grain == 0 || c[0] == n).as("chunk start %d on the grain %d", c[0], grain).isTrue();
                }
            }
        }
    }

    @Test
    void aThreadHeldUpLeavesItsChunksToTheOthers() throws InterruptedException {
        // the worker's first chunk waits until the caller has run all the others: with one fixed range per
        // thread, the caller would wait for the worker's half and the worker for the caller, until the timeout
        try (Parallel parallel = new Parallel(2)) {
            int chunks = 2 * Parallel.CHUNKS_PER_THREAD;
            CountDownLatch callerChunks = new CountDownLatch(chunks - 1);
            AtomicBoolean workerWaitedInVain = new AtomicBoolean();
            Thread caller = Thread.currentThread();
            parallel.range(chunks, SPLIT, 1, (from, to) -> {
                if (Thread.currentThread() == caller) {
                    callerChunks.countDown();
                    return;
                }
                try {
                    if (!callerChunks.await(20, TimeUnit.SECONDS)) {
                        workerWaitedInVain.set(true);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // the worker may not have woken at all: then the caller ran every chunk, which is fine too
            assertThat(workerWaitedInVain).isFalse();
        }
    }

    @Test
    void aFailingChunkIsRethrownOnlyAfterEveryChunkHasFinished() {
        try (Parallel parallel = new Parallel(2)) {
            int n = 64;
            AtomicIntegerArray finished = new AtomicIntegerArray(n);
            assertThatThrownBy(() -> parallel.range(n, SPLIT, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    if (i == 5) {
                        throw new IllegalStateException("chunk with index 5 failed");
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    finished.set(i, 1);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("chunk with index 5 failed");
            // every chunk but the failing one ran to its end before range returned
            int done = 0;
            for (int i = 0; i < n; i++) {
                done += finished.get(i);
            }
            int chunk = n / (2 * Parallel.CHUNKS_PER_THREAD);
            assertThat(done).isEqualTo(n - (chunk - 5));
            // and the pool still works
            AtomicIntegerArray runs = new AtomicIntegerArray(n);
            parallel.range(n, SPLIT, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertThat(runs.get(i)).isEqualTo(1);
            }
        }
    }
}
