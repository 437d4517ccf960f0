package dev.nn.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numpy's {@code .npy} format, versions 1.0 and 2.0: magic {@code \x93NUMPY}, version, header
 * length (uint16 / uint32, little-endian), an ASCII dict with {@code descr}, {@code fortran_order} and
 * {@code shape}, then the data. Supported dtypes: {@code <f8 <f4 <i8 <i4 |u1 |b1 |i1 <i2 <u2 <u4} and
 * {@code |O} (pickled lists of ints, see {@link PickleReader}); C order only.
 *
 * <p>Nothing is allocated before the header's shape has been checked against the bytes actually
 * present, so a lying header cannot exhaust memory.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Longest header accepted; numpy writes under 200 bytes and refuses over 10,000 by default. */
    private static final int MAX_HEADER = 1 << 16;

    /** Bytes decoded per read; a multiple of every item size. */
    private static final int CHUNK = 1 << 16;

    /**
     * Parses one {@code .npy} payload held in memory.
     *
     * @param file   the file name, for messages
     * @param member the archive member, for messages ({@code null} for a plain file)
     */
    public static NpyArray read(byte[] bytes, String file, String member) throws IOException {
        return read(new java.io.ByteArrayInputStream(bytes), bytes.length, file, member);
    }

    /**
     * Parses one {@code .npy} payload of exactly {@code size} bytes from {@code in}, decoding straight into
     * the array its header declares. The header's shape is checked against {@code size} before anything the
     * size of the data is allocated, and nothing beyond {@code size} bytes is read: a lying header or a
     * stream that would inflate further cannot exhaust memory.
     *
     * @param size   the payload's size (an archive member's declared uncompressed size)
     * @param file   the file name, for messages
     * @param member the archive member, for messages ({@code null} for a plain file)
     */
    public static NpyArray read(InputStream in, long size, String file, String member) throws IOException {
        byte[] preamble = in.readNBytes(10);
        if (preamble.length < 10) {
            throw new DatasetFormatException(file, member, "truncated: " + preamble.length + " bytes, no .npy header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (preamble[i] != MAGIC[i]) {
                throw new DatasetFormatException(file, member, "wrong magic: not a .npy array");
            }
        }
        int major = preamble[6] & 0xff;
        long headerLen;
        int start;
        if (major == 1) {
            headerLen = ByteBuffer.wrap(preamble).order(ByteOrder.LITTLE_ENDIAN).getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            byte[] rest = in.readNBytes(2);
            if (rest.length < 2) {
                throw new DatasetFormatException(file, member, "truncated .npy header");
            }
            headerLen = ByteBuffer.wrap(new byte[] {preamble[8], preamble[9], rest[0], rest[1]})
                    .order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            start = 12;
        } else {
            throw new DatasetFormatException(file, member, "unsupported .npy version " + major + "." + preamble[7]);
        }
        if (start + headerLen > size) {
            throw new DatasetFormatException(file, member, "truncated: header of " + headerLen + " bytes, "
                    + (size - start) + " present");
        }
        if (headerLen > MAX_HEADER) {
            throw new DatasetFormatException(file, member, "header of " + headerLen + " bytes; a .npy header has "
                    + "at most " + MAX_HEADER + " (corrupted file)");
        }
        byte[] headerBytes = in.readNBytes((int) headerLen);
        if (headerBytes.length < headerLen) {
            throw new DatasetFormatException(file, member, "truncated: header of " + headerLen + " bytes, "
                    + headerBytes.length + " present");
        }
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file, member, "descr");
        if (group(FORTRAN, header, file, member, "fortran_order").equals("True")) {
            throw new DatasetFormatException(file, member, "Fortran-ordered arrays are not supported");
        }
        int[] shape = shape(group(SHAPE, header, file, member, "shape"), file, member);
        String name = member == null ? file : member.replaceFirst("\\.npy$", "");
        Object values = values(descr, shape, in, size - start - headerLen, file, member);
        if (in.read() >= 0) {
            throw new DatasetFormatException(file, member, "bytes after the array's data (corrupted file)");
        }
        return new NpyArray(name, descr, shape, values);
    }

    private static Object values(String descr, int[] shape, InputStream in, long present, String file,
            String member) throws IOException {
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new DatasetFormatException(file, member, "shape too large: " + java.util.Arrays.toString(shape));
            }
        }
        if (descr.equals("|O")) {
            byte[] pickle = readExactly(in, present, file, member);
            int[][] seqs = PickleReader.readIntLists(pickle, 0, file, member);
            if (seqs.length != count) {
                throw new DatasetFormatException(file, member, "header shape " + java.util.Arrays.toString(shape)
                        + " disagrees with the " + seqs.length + " pickled rows");
            }
            return seqs;
        }
        int width = itemSize(descr, file, member);
        long needed = count * width;
        if (needed != present) {
            throw new DatasetFormatException(file, member, "header shape " + java.util.Arrays.toString(shape) + " of "
                    + descr + " needs " + needed + " bytes of data, the member has " + present);
        }
        int n = (int) count;
        boolean floating = descr.equals("<f8") || descr.equals("<f4");
        Object out = allocate(n, floating, descr, shape, file, member);
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(needed, 1))];
        ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        while (done < n) {
            int items = Math.min(n - done, chunk.length / width);
            int got = in.readNBytes(chunk, 0, items * width);
            if (got < items * width) {
                throw new DatasetFormatException(file, member, "truncated: data ends after "
                        + ((long) done * width + got) + " of " + needed + " bytes");
            }
            decode(descr, b, items, out, done);
            done += items;
        }
        return out;
    }

    private static void decode(String descr, ByteBuffer b, int items, Object out, int at) {
        switch (descr) {
            case "<f8" -> b.asDoubleBuffer().get((double[]) out, at, items);
            case "<f4" -> {
                double[] d = (double[]) out;
                for (int i = 0; i < items; i++) {
                    d[at + i] = b.getFloat(i * 4);
                }
            }
            default -> {
                long[] l = (long[]) out;
                for (int i = 0; i < items; i++) {
                    l[at + i] = switch (descr) {
                        case "<i8" -> b.getLong(i * 8);
                        case "<i4" -> b.getInt(i * 4);
                        case "<i2" -> b.getShort(i * 2);
                        case "<u2" -> b.getShort(i * 2) & 0xffff;
                        case "<u4" -> b.getInt(i * 4) & 0xffffffffL;
                        case "|u1", "|b1" -> b.get(i) & 0xff;
                        default -> b.get(i); // |i1
                    };
                }
            }
        }
    }

    /** The decoded array; a heap too small for it is a clear refusal, not an {@link OutOfMemoryError}. */
    private static Object allocate(int n, boolean floating, String descr, int[] shape, String file, String member)
            throws DatasetFormatException {
        long bytes = 8L * n;
        Runtime rt = Runtime.getRuntime();
        try {
            if (bytes > rt.maxMemory()) {
                throw new OutOfMemoryError();
            }
            return floating ? new double[n] : new long[n];
        } catch (OutOfMemoryError e) {
            throw new DatasetFormatException(file, member, "shape " + java.util.Arrays.toString(shape) + " of "
                    + descr + " needs " + (bytes >> 20) + " MiB of heap once decoded; the JVM has at most "
                    + (rt.maxMemory() >> 20) + " MiB (give it more with -Xmx if the file is genuine)");
        }
    }

    /** {@code size} bytes, read in chunks so that memory follows the bytes that arrive, not the size claimed. */
    private static byte[] readExactly(InputStream in, long size, String file, String member) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new DatasetFormatException(file, member, size + " bytes of pickled data; at most "
                    + (Integer.MAX_VALUE - 8) + " are supported");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(size, 1 << 20));
        byte[] chunk = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int got = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, left));
            if (got == 0) {
                throw new DatasetFormatException(file, member, "truncated: pickled data ends after "
                        + (size - left) + " of " + size + " bytes");
            }
            out.write(chunk, 0, got);
            left -= got;
        }
        return out.toByteArray();
    }

    private static int itemSize(String descr, String file, String member) throws DatasetFormatException {
        return switch (descr) {
            case "<f8", "<i8" -> 8;
            case "<f4", "<i4", "<u4" -> 4;
            case "<i2", "<u2" -> 2;
            case "|u1", "|b1", "|i1" -> 1;
            default -> throw new DatasetFormatException(file, member, "unsupported dtype '" + descr + "'");
        };
    }

    private static String group(Pattern p, String header, String file, String member, String key)
            throws DatasetFormatException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DatasetFormatException(file, member, "malformed .npy header, no '" + key + "': " + header.strip());
        }
        return m.group(1);
    }

    private static int[] shape(String text, String file, String member) throws DatasetFormatException {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                int d = Integer.parseInt(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
                if (d < 0) {
                    throw new NumberFormatException("negative");
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(file, member, "malformed shape (" + text + ")");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }
}
