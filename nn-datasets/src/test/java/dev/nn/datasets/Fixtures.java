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
}
