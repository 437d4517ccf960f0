package dev.nn.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads numpy's {@code .npz} archives: a zip of {@code <key>.npy} members, stored or deflated.
 * A member is buffered as it is inflated, so memory follows the bytes actually present, never a
 * size the archive claims.
 */
public final class Npz {

    /** No Chapter 3 member comes near this; a larger one is refused rather than buffered. */
    private static final long MAX_MEMBER_BYTES = 1L << 30;

    /** Members smaller than this compressed are not worth a thread of their own. */
    private static final long PARALLEL_MIN_BYTES = 1L << 20;

    private Npz() {
    }

    /**
     * Every array in {@code file}, keyed by member name without {@code .npy}, in archive order. Members
     * are independent, so they are inflated and parsed on up to one thread per core, largest first
     * (IMDB's two 14 MB pickles on two cores at once).
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<ZipEntry> members = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".npy")) {
                    members.add(entry);
                }
            }
            if (members.isEmpty()) {
                throw new DatasetFormatException(name, null, "not an .npz archive: no .npy members");
            }
            NpyArray[] arrays = readAll(zip, name, members);
            Map<String, NpyArray> out = new LinkedHashMap<>();
            for (NpyArray a : arrays) {
                out.put(a.name(), a);
            }
            return out;
        } catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
            // a malformed entry name can surface from the zip classes as IllegalArgumentException
            throw new DatasetFormatException(name, null, "corrupt or truncated zip archive (" + e.getMessage() + ")", e);
        }
    }

    private static NpyArray[] readAll(ZipFile zip, String name, List<ZipEntry> members) throws IOException {
        NpyArray[] arrays = new NpyArray[members.size()];
        long large = members.stream().filter(m -> m.getCompressedSize() > PARALLEL_MIN_BYTES).count();
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
        java.util.Arrays.sort(largestFirst, Comparator.comparingLong((Integer i) -> members.get(i).getCompressedSize())
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

    private static NpyArray readEntry(ZipFile zip, String name, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = readMember(in, name, entry.getName());
            checkIntegrity(bytes, name, entry);
            return Npy.read(bytes, name, entry.getName());
        }
    }

    /** The member's size and CRC-32 against its zip header, as Python's zipfile checks them ("Bad CRC-32"). */
    private static void checkIntegrity(byte[] bytes, String file, ZipEntry entry) throws DatasetFormatException {
        if (entry.getSize() >= 0 && entry.getSize() != bytes.length) {
            throw new DatasetFormatException(file, entry.getName(), "holds " + bytes.length + " bytes, its zip "
                    + "header declares " + entry.getSize() + " (corrupted archive)");
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new DatasetFormatException(file, entry.getName(), "bad CRC-32: the member's bytes are not the "
                    + "ones the archive recorded (corrupted file); fetch it again");
        }
    }

    /** The member {@code key} of {@code file}. */
    public static NpyArray member(Map<String, NpyArray> arrays, Path file, String key) throws DatasetFormatException {
        NpyArray a = arrays.get(key);
        if (a == null) {
            throw new DatasetFormatException(file.getFileName().toString(), key + ".npy",
                    "member missing; the archive holds " + arrays.keySet());
        }
        return a;
    }

    /** Reads into 1 MiB chunks, then copies once into an array of the exact size (no doubling copies). */
    private static byte[] readMember(InputStream in, String file, String member) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = in.readNBytes(1 << 20);
            total += chunk.length;
            if (total > MAX_MEMBER_BYTES) {
                throw new DatasetFormatException(file, member, "member larger than " + MAX_MEMBER_BYTES + " bytes");
            }
            if (chunk.length > 0) {
                chunks.add(chunk);
            }
            if (chunk.length < 1 << 20) {
                break;
            }
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }
}
