package dev.nn.backend.nd4j;

import dev.nn.api.Shape;
import dev.nn.api.data.MultiHotRows;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reuses the dense arrays that multi-hot batches are densified into. Allocating 20 MB of fresh zeroed
 * native memory per batch (page faults and memset) was the largest cost of an IMDB epoch; a released
 * array is cleaned by zeroing only the ones it held, then handed to the next batch of its shape.
 */
final class MultiHotScratch implements AutoCloseable {

    private final Map<Shape, Deque<INDArray>> free = new HashMap<>();

    synchronized INDArray acquire(MultiHotRows rows) {
        Deque<INDArray> pool = free.get(Shape.of(rows.rows(), rows.cols()));
        INDArray a = pool == null ? null : pool.poll();
        if (a == null) {
            return Nd4jMemory.multiHot(rows);
        }
        Nd4jMemory.setOnes(a, rows, 1f);
        return a;
    }

    synchronized void release(INDArray a, MultiHotRows rows) {
        Nd4jMemory.setOnes(a, rows, 0f);
        Deque<INDArray> pool = free.computeIfAbsent(Shape.of(rows.rows(), rows.cols()), k -> new ArrayDeque<>());
        if (pool.size() < 2) {
            pool.push(a);
        } else if (a.closeable()) {
            a.close();
        }
    }

    @Override
    public synchronized void close() {
        free.values().forEach(pool -> pool.forEach(a -> {
            if (a.closeable()) {
                a.close();
            }
        }));
        free.clear();
    }
}
