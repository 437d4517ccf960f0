package dev.nn.datasets.io;

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

    /**
     * Parses one {@code .npy} payload.
     *
     * @param file   the file name, for messages
     * @param member the archive member, for messages ({@code null} for a plain file)
     */
    public static NpyArray read(byte[] bytes, String file, String member) throws DatasetFormatException {
        if (bytes.length < 10) {
            throw new DatasetFormatException(file, member, "truncated: " + bytes.length + " bytes, no .npy header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new DatasetFormatException(file, member, "wrong magic: not a .npy array");
            }
        }
        int major = bytes[6] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int start;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new DatasetFormatException(file, member, "truncated .npy header");
            }
            headerLen = buf.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw new DatasetFormatException(file, member, "unsupported .npy version " + major + "." + bytes[7]);
        }
        if (start + headerLen > bytes.length) {
            throw new DatasetFormatException(file, member, "truncated: header of " + headerLen + " bytes, "
                    + (bytes.length - start) + " present");
        }
        String header = new String(bytes, start, (int) headerLen, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file, member, "descr");
        if (group(FORTRAN, header, file, member, "fortran_order").equals("True")) {
            throw new DatasetFormatException(file, member, "Fortran-ordered arrays are not supported");
        }
        int[] shape = shape(group(SHAPE, header, file, member, "shape"), file, member);
        int dataStart = (int) (start + headerLen);
        String name = member == null ? file : member.replaceFirst("\\.npy$", "");
        Object values = values(descr, shape, bytes, dataStart, file, member);
        return new NpyArray(name, descr, shape, values);
    }

    private static Object values(String descr, int[] shape, byte[] bytes, int from, String file, String member)
            throws DatasetFormatException {
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new DatasetFormatException(file, member, "shape too large: " + java.util.Arrays.toString(shape));
            }
        }
        if (descr.equals("|O")) {
            int[][] seqs = PickleReader.readIntLists(bytes, from, file, member);
            if (seqs.length != count) {
                throw new DatasetFormatException(file, member, "header shape " + java.util.Arrays.toString(shape)
                        + " disagrees with the " + seqs.length + " pickled rows");
            }
            return seqs;
        }
        int width = itemSize(descr, file, member);
        long needed = count * width;
        long present = bytes.length - from;
        if (needed != present) {
            throw new DatasetFormatException(file, member, "header shape " + java.util.Arrays.toString(shape) + " of "
                    + descr + " needs " + needed + " bytes of data, the member has " + present);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, from, (int) present).slice().order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) count;
        switch (descr) {
            case "<f8" -> {
                double[] out = new double[n];
                b.asDoubleBuffer().get(out);
                return out;
            }
            case "<f4" -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.getFloat(i * 4);
                }
                return out;
            }
            default -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = switch (descr) {
                        case "<i8" -> b.getLong(i * 8);
                        case "<i4" -> b.getInt(i * 4);
                        case "<i2" -> b.getShort(i * 2);
                        case "<u2" -> b.getShort(i * 2) & 0xffff;
                        case "<u4" -> b.getInt(i * 4) & 0xffffffffL;
                        case "|u1", "|b1" -> b.get(i) & 0xff;
                        default -> b.get(i); // |i1
                    };
                }
                return out;
            }
        }
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
