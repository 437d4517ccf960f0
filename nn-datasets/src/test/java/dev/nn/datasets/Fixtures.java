package dev.nn.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small .npy/.npz files in the exact layout of the Keras files (numpy 1.x, pickle protocol 2). */
final class Fixtures {

    private Fixtures() {
    }

    static Path realData(String name) {
        Path dir = Path.of(System.getProperty("nn.data.dir", "../../shared/data"));
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing data file " + p.toAbsolutePath()
                    + ": the tests need the Keras files of ../shared/data (see its SOURCES.md)");
        }
        return p;
    }

    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.put(data);
        return b.array();
    }

    static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    /** A numpy object array of int lists, pickled as numpy 1.x does for the Keras files. */
    static byte[] objectNpy(int[][] rows) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        write(p, "\u0080\u0002cnumpy.core.multiarray\n_reconstruct\nq\u0001cnumpy\nndarray\nq\u0002K\u0000\u0085U\u0001b\u0087Rq\u0003(K\u0001");
        writeInt(p, rows.length);
        write(p, "\u0085cnumpy\ndtype\nq\u0004U\u0002O8K\u0000K\u0001\u0087Rq\u0005(K\u0003U\u0001|NNNJ\u00ff\u00ff\u00ff\u00ffJ\u00ff\u00ff\u00ff\u00ffK?tb\u0089]q\u0006(");
        for (int[] row : rows) {
            write(p, "](");
            for (int v : row) {
                writeInt(p, v);
            }
            write(p, "e");
        }
        write(p, "etb.");
        return npy("|O", "(" + rows.length + ",)", p.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String latin1) {
        out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        if (v >= 0 && v < 256) {
            out.write('K');
            out.write(v);
        } else if (v >= 0 && v < 65536) {
            out.write('M');
            out.write(v & 0xff);
            out.write(v >>> 8);
        } else {
            out.write('J');
            for (int s = 0; s < 32; s += 8) {
                out.write((v >>> s) & 0xff);
            }
        }
    }

    static Path npz(Path file, Map<String, byte[]> members, boolean deflate) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                ZipEntry e = new ZipEntry(m.getKey() + ".npy");
                if (!deflate) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(m.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(m.getValue());
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(m.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * A deflated one-member zip of {@code head} followed by {@code zeros} zero bytes, built without inflating
     * anything: each 1 MiB of zeros after a full flush deflates to the same few bytes, repeated. A 2 GiB
     * member costs about 2 MB of file and a fraction of a second.
     */
    static Path zeroBomb(Path file, String member, byte[] head, long zeros) throws IOException {
        int mib = 1 << 20;
        long total = head.length + zeros;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        java.util.zip.Deflater d = new java.util.zip.Deflater(9, true);
        byte[] out = new byte[1 << 16];
        byte[] first = new byte[mib];
        System.arraycopy(head, 0, first, 0, head.length);
        long left = total;
        byte[] repeated = null;
        CRC32 crc = new CRC32();
        byte[] zero = new byte[mib];
        for (int chunk = 0; left > 0; chunk++) {
            int n = (int) Math.min(mib, left);
            byte[] in = chunk == 0 ? first : zero;
            crc.update(in, 0, n);
            left -= n;
            if (chunk >= 2 && n == mib && left > 0 && repeated != null) {
                data.writeBytes(repeated);
                continue;
            }
            d.setInput(in, 0, n);
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            if (left == 0) {
                d.finish();
                while (!d.finished()) {
                    block.write(out, 0, d.deflate(out));
                }
            } else {
                int k;
                do {
                    k = d.deflate(out, 0, out.length, java.util.zip.Deflater.FULL_FLUSH);
                    block.write(out, 0, k);
                } while (k == out.length);
                if (chunk == 1) {
                    repeated = block.toByteArray();
                }
            }
            data.writeBytes(block.toByteArray());
        }
        d.end();
        byte[] compressed = data.toByteArray();
        byte[] name = member.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer local = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) crc.getValue()).putInt(compressed.length).putInt((int) total)
                .putShort((short) name.length).putShort((short) 0).put(name);
        ByteBuffer central = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                .putShort((short) 8).putInt(0).putInt((int) crc.getValue()).putInt(compressed.length)
                .putInt((int) total).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(name);
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        int cdOffset = local.capacity() + compressed.length;
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(central.capacity()).putInt(cdOffset).putShort((short) 0);
        try (OutputStream os = Files.newOutputStream(file)) {
            os.write(local.array());
            os.write(compressed);
            os.write(central.array());
            os.write(end.array());
        }
        return file;
    }
}
