package dev.nn.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads numpy's {@code .npz} archives: a zip of {@code <key>.npy} members, stored or deflated. The archive is
 * parsed from memory, from the very bytes a caller verified (see {@code DataFiles.read}); each member is
 * inflated straight into the array its header declares, after the header has been checked against the size
 * the zip directory declares, and its CRC-32 is checked at its end. Memory is bounded by the declared sizes,
 * whatever the compressed data would inflate to.
 */
public final class Npz {

    /** No Chapter 3 member comes near this; a larger one is refused before anything is inflated. */
    private static final long MAX_MEMBER_BYTES = 1L << 30;

    /** Members smaller than this compressed are not worth a thread of their own. */
    private static final long PARALLEL_MIN_BYTES = 1L << 20;

    private Npz() {
    }

    /** Every array in the archive at {@code file}; see {@link #read(byte[], String)}. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new DatasetFormatException(name, null, "file of " + size + " bytes; an .npz of at most "
                    + (Integer.MAX_VALUE - 8) + " bytes is supported");
        }
        return read(Files.readAllBytes(file), name);
    }

    /**
     * Every array in the archive {@code zip}, keyed by member name without {@code .npy}, in archive order.
     * Members are independent, so they are inflated and parsed on up to one thread per core, largest first
     * (IMDB's two 14 MB pickles on two cores at once).
     *
     * @param name the file name, for messages
     */
    public static Map<String, NpyArray> read(byte[] zip, String name) throws IOException {
        List<ZipMembers.Member> members = new ArrayList<>();
        for (ZipMembers.Member m : ZipMembers.list(zip, name)) {
            if (m.name().endsWith(".npy")) {
                if (m.size() > MAX_MEMBER_BYTES) {
                    throw new DatasetFormatException(name, m.name(), "declares " + m.size() + " bytes; members "
                            + "larger than " + MAX_MEMBER_BYTES + " bytes are refused (no Keras data file has one)");
                }
                members.add(m);
            }
        }
        if (members.isEmpty()) {
            throw new DatasetFormatException(name, null, "not an .npz archive: no .npy members");
        }
        NpyArray[] arrays = readAll(zip, name, members);
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (NpyArray a : arrays) {
            if (out.put(a.name(), a) != null) {
                throw new DatasetFormatException(name, a.name() + ".npy", "member appears twice (corrupted archive)");
            }
        }
        return out;
    }

    private static NpyArray[] readAll(byte[] zip, String name, List<ZipMembers.Member> members) throws IOException {
        NpyArray[] arrays = new NpyArray[members.size()];
        long large = members.stream().filter(m -> m.compressedSize() > PARALLEL_MIN_BYTES).count();
        int threads = (int) Math.min(large, Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = readEntry(zip, name, members.get(i));
            }
            return arrays;
        }
        Integer[] largestFirst = new Integer[members.size()];
        for (int i = 0; i < largestFirst.length; i++) {
            largestFirst[i] = i;
        }
        java.util.Arrays.sort(largestFirst, Comparator.comparingLong((Integer i) -> members.get(i).compressedSize())
                .reversed());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nn-datasets-npz");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<NpyArray>> futures = new ArrayList<>(Collections.nCopies(arrays.length, null));
            for (int i : largestFirst) {
                futures.set(i, pool.submit(() -> readEntry(zip, name, members.get(i))));
            }
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = await(futures.get(i));
            }
            return arrays;
        } finally {
            pool.shutdownNow();
        }
    }

    private static NpyArray await(Future<NpyArray> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading an .npz archive");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static NpyArray readEntry(byte[] zip, String name, ZipMembers.Member m) throws IOException {
        try (InputStream in = ZipMembers.open(zip, m, name)) {
            return Npy.read(in, m.size(), name, m.name());
        }
    }

    /** The member {@code key} of {@code file}. */
    public static NpyArray member(Map<String, NpyArray> arrays, String file, String key)
            throws DatasetFormatException {
        NpyArray a = arrays.get(key);
        if (a == null) {
            throw new DatasetFormatException(file, key + ".npy", "member missing; the archive holds " + arrays.keySet());
        }
        return a;
    }
}
