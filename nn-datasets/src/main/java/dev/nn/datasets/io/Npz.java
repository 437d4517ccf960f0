package dev.nn.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads numpy's {@code .npz} archives: a zip of {@code <key>.npy} members, stored or deflated.
 * A member is buffered as it is inflated, so memory follows the bytes actually present, never a
 * size the archive claims.
 */
public final class Npz {

    /** No Chapter 3 member comes near this; a larger one is refused rather than buffered. */
    private static final long MAX_MEMBER_BYTES = 1L << 30;

    private Npz() {
    }

    /** Every array in {@code file}, keyed by member name without {@code .npy}, in archive order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory() || !entry.getName().endsWith(".npy")) {
                    continue;
                }
                byte[] bytes = readMember(zip, name, entry.getName());
                NpyArray array = Npy.read(bytes, name, entry.getName());
                out.put(array.name(), array);
            }
        } catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
            // ZipInputStream reports a malformed entry name with IllegalArgumentException
            throw new DatasetFormatException(name, null, "corrupt or truncated zip archive (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw new DatasetFormatException(name, null, "not an .npz archive: no .npy members");
        }
        return out;
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
        java.util.List<byte[]> chunks = new java.util.ArrayList<>();
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
