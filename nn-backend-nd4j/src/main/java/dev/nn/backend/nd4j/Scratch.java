package dev.nn.backend.nd4j;

import dev.nn.api.Shape;
import dev.nn.api.data.MultiHotRows;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reuses native arrays. Allocating fresh native memory per step (page faults, memset) was the largest
 * cost of an epoch: 20 MB per densified IMDB batch, and two 20 MB temporaries per RMSprop step of a
 * 10,000 x 512 kernel. A released multi-hot array is cleaned by zeroing only the ones it held, then handed
 * to the next batch of its shape; temporaries are pooled by shape.
 */
final class Scratch implements AutoCloseable {

    private final Map<Shape, Deque<INDArray>> free = new HashMap<>();
    private final Map<Shape, Deque<INDArray>> temps = new HashMap<>();
    /** Flat buffers lent out as arrays of any shape that fits ({@link #lend}), and the buffer of each lent array. */
    private final java.util.List<INDArray> flats = new java.util.ArrayList<>();
    private final Map<INDArray, INDArray> lent = new java.util.IdentityHashMap<>();

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

    /** A scratch array of the given shape with undefined contents; give it back with {@link #give}. */
    synchronized INDArray take(long rows, long cols) {
        Deque<INDArray> pool = temps.get(Shape.of((int) rows, (int) cols));
        INDArray a = pool == null ? null : pool.poll();
        return a != null ? a : org.nd4j.linalg.factory.Nd4j.createUninitialized(
                org.nd4j.linalg.api.buffer.DataType.FLOAT, rows, cols);
    }

    synchronized void give(INDArray a) {
        Deque<INDArray> pool = temps.computeIfAbsent(Shape.of((int) a.rows(), (int) a.columns()),
                k -> new ArrayDeque<>());
        if (pool.size() < 4) {
            pool.push(a);
        } else if (a.closeable()) {
            a.close();
        }
    }

    /**
     * An array of {@code rows x cols} (undefined contents) over the first values of a pooled flat buffer; give it
     * back with {@link #giveBack}. For shapes that change every step (a batch's own words): a fresh native array
     * each time left the process's resident size 1 GB higher after a chapter run (glibc keeps freed blocks of
     * sizes it has seen), where a few buffers grown to the largest size serve them all.
     */
    synchronized INDArray lend(long rows, long cols) {
        long n = rows * cols;
        INDArray flat = null;
        for (INDArray f : flats) {
            if (f.length() >= n && (flat == null || f.length() < flat.length())) {
                flat = f;
            }
        }
        if (flat != null) {
            flats.remove(flat);
        } else {
            flat = org.nd4j.linalg.factory.Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1,
                    Math.max(n, 1));
        }
        INDArray view = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).reshape('c', rows, cols);
        lent.put(view, flat);
        return view;
    }

    /** Returns an array made by {@link #lend}; at most four buffers are kept, the largest ones. */
    synchronized void giveBack(INDArray view) {
        INDArray flat = lent.remove(view);
        if (flat == null) {
            throw new IllegalStateException("not lent by this scratch: " + view.shapeInfoToString());
        }
        flats.add(flat);
        if (flats.size() > 4) {
            INDArray smallest = java.util.Collections.min(flats, java.util.Comparator.comparingLong(INDArray::length));
            flats.remove(smallest);
            if (smallest.closeable()) {
                smallest.close();
            }
        }
    }

    @Override
    public synchronized void close() {
        temps.values().forEach(pool -> pool.forEach(a -> {
            if (a.closeable()) {
                a.close();
            }
        }));
        temps.clear();
        free.values().forEach(pool -> pool.forEach(a -> {
            if (a.closeable()) {
                a.close();
            }
        }));
        free.clear();
        lent.values().forEach(flats::add);
        lent.clear();
        flats.forEach(a -> {
            if (a.closeable()) {
                a.close();
            }
        });
        flats.clear();
    }
}
