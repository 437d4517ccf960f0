package dev.nn.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The members of a zip archive held in memory, read from its central directory. Each member is opened as a
 * stream that inflates on demand and checks, at its end, the size and CRC-32 the directory declares; it
 * refuses to yield a byte beyond the declared size. So a reader that allocates by the declared size, once,
 * is bounded by it, whatever the compressed data would inflate to.
 *
 * <p>Only what numpy writes is accepted: stored or deflated members, no encryption, no zip64 (a Chapter 3
 * member is far below 4 GB).
 */
final class ZipMembers {

    /** Deflate cannot compress better than about 1032 : 1; a member claiming more is not deflate data. */
    private static final long MAX_DEFLATE_RATIO = 1100;

    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    /** One member as the central directory describes it. */
    record Member(String name, int method, long crc, long compressedSize, long size, int dataOffset) {
    }

    private ZipMembers() {
    }

    /** The archive's members in directory order. */
    static List<Member> list(byte[] zip, String file) throws DatasetFormatException {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
            if (b.getInt(i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw corrupt(file, "no end-of-central-directory record (not a zip archive, or truncated)");
        }
        int count = b.getShort(eocd + 10) & 0xffff;
        long cdSize = b.getInt(eocd + 12) & 0xffffffffL;
        long cdOffset = b.getInt(eocd + 16) & 0xffffffffL;
        if (count == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
            throw corrupt(file, "zip64 archives are not supported");
        }
        if (cdOffset + cdSize > eocd) {
            throw corrupt(file, "central directory at " + cdOffset + " (+" + cdSize + ") runs past its end record");
        }
        List<Member> members = new ArrayList<>(count);
        int at = (int) cdOffset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > eocd || b.getInt(at) != CENTRAL) {
                throw corrupt(file, "central directory entry " + i + " of " + count + " is damaged");
            }
            int flags = b.getShort(at + 8) & 0xffff;
            int method = b.getShort(at + 10) & 0xffff;
            long crc = b.getInt(at + 16) & 0xffffffffL;
            long compressed = b.getInt(at + 20) & 0xffffffffL;
            long size = b.getInt(at + 24) & 0xffffffffL;
            int nameLen = b.getShort(at + 28) & 0xffff;
            int extraLen = b.getShort(at + 30) & 0xffff;
            int commentLen = b.getShort(at + 32) & 0xffff;
            long localOffset = b.getInt(at + 42) & 0xffffffffL;
            if (at + 46L + nameLen + extraLen + commentLen > eocd) {
                throw corrupt(file, "central directory entry " + i + " runs past the directory");
            }
            String name = new String(zip, at + 46, nameLen, (flags & 0x800) != 0 ? StandardCharsets.UTF_8
                    : StandardCharsets.ISO_8859_1);
            at += 46 + nameLen + extraLen + commentLen;
            if ((flags & 1) != 0) {
                throw new DatasetFormatException(file, name, "encrypted zip members are not supported");
            }
            if (method != 0 && method != 8) {
                throw new DatasetFormatException(file, name, "zip compression method " + method
                        + " is not supported (numpy writes stored or deflated members)");
            }
            if (compressed == 0xffffffffL || size == 0xffffffffL || localOffset == 0xffffffffL) {
                throw new DatasetFormatException(file, name, "zip64 members are not supported");
            }
            if (method == 0 && compressed != size) {
                throw new DatasetFormatException(file, name, "stored member of " + size + " bytes occupies "
                        + compressed + " (corrupted archive)");
            }
            if (method == 8 && size > Math.max(1024, compressed * MAX_DEFLATE_RATIO)) {
                throw new DatasetFormatException(file, name, "declares " + size + " bytes from " + compressed
                        + " compressed, more than deflate can produce (corrupted archive or zip bomb)");
            }
            if (localOffset + 30 > cdOffset || b.getInt((int) localOffset) != LOCAL) {
                throw new DatasetFormatException(file, name, "local header at " + localOffset
                        + " is missing (corrupted archive)");
            }
            int local = (int) localOffset;
            long data = localOffset + 30 + (b.getShort(local + 26) & 0xffff) + (b.getShort(local + 28) & 0xffff);
            if (data + compressed > cdOffset) {
                throw new DatasetFormatException(file, name, compressed + " bytes of data at " + data
                        + " run into the central directory (truncated or corrupted archive)");
            }
            members.add(new Member(name, method, crc, compressed, size, (int) data));
        }
        return members;
    }

    /** The member's bytes, inflated as read; the end of the stream checks size and CRC-32. */
    static InputStream open(byte[] zip, Member m, String file) {
        return new MemberStream(zip, m, file);
    }

    private static DatasetFormatException corrupt(String file, String what) {
        return new DatasetFormatException(file, null, "corrupt or truncated zip archive: " + what);
    }

    private static final class MemberStream extends InputStream {
        private final byte[] zip;
        private final Member m;
        private final String file;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private long position;
        private boolean checked;

        MemberStream(byte[] zip, Member m, String file) {
            this.zip = zip;
            this.m = m;
            this.file = file;
            if (m.method() == 8) {
                inflater = new Inflater(true);
                inflater.setInput(zip, m.dataOffset(), (int) m.compressedSize());
            } else {
                inflater = null;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            if (inflater == null) {
                n = (int) Math.min(len, m.size() - position);
                if (n > 0) {
                    System.arraycopy(zip, m.dataOffset() + (int) position, buf, off, n);
                }
            } else {
                n = inflate(buf, off, (int) Math.min(len, m.size() - position + 1));
            }
            if (n <= 0) {
                finish();
                return -1;
            }
            position += n;
            if (position > m.size()) {
                throw new DatasetFormatException(file, m.name(), "inflates to more than the " + m.size()
                        + " bytes its zip header declares (corrupted archive or zip bomb)");
            }
            crc.update(buf, off, n);
            return n;
        }

        private int inflate(byte[] buf, int off, int len) throws DatasetFormatException {
            try {
                while (true) {
                    int n = inflater.inflate(buf, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        return -1;
                    }
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw new DatasetFormatException(file, m.name(), "deflate data ends early after " + position
                                + " of " + m.size() + " bytes (truncated or corrupted archive)");
                    }
                }
            } catch (DataFormatException e) {
                throw new DatasetFormatException(file, m.name(), "invalid deflate data (" + e.getMessage() + ")", e);
            }
        }

        /** Checks that exactly the declared bytes arrived, with the declared CRC-32 ("Bad CRC-32" in Python). */
        private void finish() throws DatasetFormatException {
            if (checked) {
                return;
            }
            checked = true;
            if (position != m.size()) {
                throw new DatasetFormatException(file, m.name(), "holds " + position + " bytes, its zip header "
                        + "declares " + m.size() + " (corrupted archive)");
            }
            if (crc.getValue() != m.crc()) {
                throw new DatasetFormatException(file, m.name(), "bad CRC-32: the member's bytes are not the ones "
                        + "the archive recorded (corrupted file); fetch it again");
            }
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
