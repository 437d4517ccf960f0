package dev.nn.keras;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** The zip container of a {@code .keras} file: members read whole with their size and CRC-32 checked; atomic writes. */
final class Archive {

    static final String METADATA = "metadata.json";
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.weights.h5";

    /** A member larger than this is refused before anything is allocated. */
    static final long MAX_MEMBER_BYTES = Integer.MAX_VALUE - 8;

    private Archive() {
    }

    /** The named members that are present (each read whole, CRC-checked); a member larger than the heap can take is refused. */
    static Map<String, byte[]> read(Path file, String... names) throws KerasFormatException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : names) {
                ZipEntry e = zip.getEntry(name);
                if (e != null) {
                    out.put(name, member(file, zip, e));
                }
            }
        } catch (KerasFormatException e) {
            throw e;
        } catch (ZipException e) {
            throw new KerasFormatException(file, "archive", "not a readable .keras (zip) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new KerasFormatException(file, "archive", "cannot be read: " + e, e);
        }
        return out;
    }

    private static byte[] member(Path file, ZipFile zip, ZipEntry e) throws IOException {
        long size = e.getSize();
        long free = Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory()
                - Runtime.getRuntime().freeMemory());
        if (size < 0 || size > MAX_MEMBER_BYTES || size > free) {
            throw new KerasFormatException(file, e.getName(), "declares " + size + " bytes, more than can be read "
                    + "(at most " + Math.min(MAX_MEMBER_BYTES, free) + " with this heap)");
        }
        byte[] data;
        try (InputStream in = zip.getInputStream(e)) {
            // grow with what arrives: a header that declares more than the member holds allocates nothing extra
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(size, 1 << 20));
            byte[] chunk = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(chunk)) != -1; ) {
                total += n;
                if (total > size) {
                    throw new KerasFormatException(file, e.getName(), "holds more than the " + size
                            + " bytes its header declares (corrupted, or a zip bomb)");
                }
                out.write(chunk, 0, n);
            }
            if (total != size) {
                throw new KerasFormatException(file, e.getName(), "holds " + total + " bytes, its header declares "
                        + size + " (truncated or corrupted)");
            }
            data = out.toByteArray();
        } catch (ZipException z) {
            throw new KerasFormatException(file, e.getName(), "corrupted compressed data: " + z.getMessage(), z);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw new KerasFormatException(file, e.getName(), "bad CRC-32 (the archive is corrupted)");
        }
        return data;
    }

    /**
     * Writes the archive to a temporary file beside {@code target} and moves it into place, replacing (never
     * following) whatever is there; the weights member is stored uncompressed, as Keras does.
     */
    static void write(Path target, byte[] metadata, byte[] config, byte[] weights) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // rw-r--r-- as the run's other outputs, not createTempFile's owner-only default
        Path tmp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", java.nio.file.attribute
                        .PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions
                                .fromString("rw-r--r--")))
                : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                stored(zip, METADATA, metadata);
                stored(zip, CONFIG, config);
                stored(zip, WEIGHTS, weights);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setTime(315532800000L); // 1980-01-01, as Python's zipfile stamps members: the bytes depend on the model only
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
