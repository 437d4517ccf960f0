package dev.nn.datasets.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A restricted reader for the pickles inside numpy object arrays ({@code dtype('O')}) of int lists, as
 * in the Keras IMDB and Reuters files. A pickle is a program; this reader runs only a data subset of
 * protocol 2 and instantiates nothing: the only globals it accepts are numpy's
 * {@code _reconstruct}, {@code ndarray} and {@code dtype}, which it interprets itself. Anything else
 * ends in a {@link DatasetFormatException} naming the opcode or global.
 */
public final class PickleReader {

    private static final Set<String> ALLOWED_GLOBALS = Set.of("numpy.core.multiarray._reconstruct",
            "numpy._core.multiarray._reconstruct", "numpy.ndarray", "numpy.dtype");
    private static final Object MARK = new Object();
    private static final Object NONE = new Object();
    private static final Object INT = new Object();

    private record Global(String name) {
    }

    private record Tuple(List<Object> items) {
    }

    private static final class NdArray {
        PList data;
    }

    private record Dtype(String descr) {
    }

    /** A pickled list; a list of ints is kept unboxed, which is what the data rows are. */
    private static final class PList {
        private int[] ints = new int[16];
        private int size;
        private List<Object> objects;

        void addInt(int v) {
            if (objects != null) {
                objects.add(v);
                return;
            }
            if (size == ints.length) {
                ints = java.util.Arrays.copyOf(ints, size * 2);
            }
            ints[size++] = v;
        }

        void add(Object o) {
            if (objects == null && o instanceof Integer v) {
                addInt(v);
                return;
            }
            if (objects == null) {
                objects = new ArrayList<>(size + 1);
                for (int i = 0; i < size; i++) {
                    objects.add(ints[i]);
                }
            }
            objects.add(o);
        }

        void addInts(int[] src, int from, int n) {
            if (objects != null) {
                for (int i = 0; i < n; i++) {
                    objects.add(src[from + i]);
                }
                return;
            }
            if (size + n > ints.length) {
                ints = java.util.Arrays.copyOf(ints, Math.max(size + n, ints.length * 2));
            }
            System.arraycopy(src, from, ints, size, n);
            size += n;
        }

        int size() {
            return objects == null ? size : objects.size();
        }

        Object get(int i) {
            return objects == null ? Integer.valueOf(ints[i]) : objects.get(i);
        }

        /** The elements as ints, or null if any is not an int. */
        int[] toInts() {
            if (objects != null) {
                return null;
            }
            return size == ints.length ? ints : java.util.Arrays.copyOf(ints, size);
        }
    }

    private final byte[] in;
    private final String file;
    private final String member;
    private int pos;
    /** The pickle stack; an int is stored unboxed in {@code ints} with {@link #INT} in {@code objects}. */
    private Object[] objects = new Object[64];
    private int[] ints = new int[64];
    private int size;
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Integer, Object> memo = new HashMap<>();

    /**
     * How many more containers, strings, marks and memo entries the pickle may create. Each costs at least one
     * opcode byte but tens of bytes of heap, so a pickle of n bytes gets n / 2 of them: far more than a real
     * object array needs (a list, its memo entry and a mark per row of hundreds of bytes), and a heap bound
     * proportional to the input for a crafted one (20 million one-byte empty lists).
     */
    private long budget;

    private PickleReader(byte[] in, int from, String file, String member) {
        this.in = in;
        this.pos = from;
        this.budget = (in.length - (long) from) / 2 + 1024;
        this.file = file;
        this.member = member;
    }

    /** Reads the pickled object array that starts at {@code from} and returns its rows. */
    public static int[][] readIntLists(byte[] bytes, int from, String file, String member)
            throws DatasetFormatException {
        return new PickleReader(bytes, from, file, member).run();
    }

    /** Spends one unit of the object budget. */
    private void spend() throws DatasetFormatException {
        if (--budget < 0) {
            throw error("pickle creates more objects than its " + (in.length - pos) + "-byte remainder can "
                    + "describe; refusing it (a crafted or corrupted file)");
        }
    }

    private int[][] run() throws DatasetFormatException {
        while (true) {
            int op = u8();
            switch (op) {
                case 0x80 -> u8(); // PROTO
                case 'c' -> global();
                case 'q' -> {
                    spend();
                    memo.put(u8(), top());
                }
                case 'r' -> {
                    spend();
                    memo.put(s32(), top());
                }
                case 'h' -> push(memoGet(u8()));
                case 'j' -> push(memoGet(s32()));
                case 'K', 'M', 'J' -> {
                    pos--;
                    pushInts();
                }
                case '(' -> {
                    spend();
                    marks.add(size);
                    push(MARK);
                }
                case ')' -> {
                    spend();
                    push(new Tuple(List.of()));
                }
                case 0x85 -> push(new Tuple(popN(1)));
                case 0x86 -> push(new Tuple(popN(2)));
                case 0x87 -> push(new Tuple(popN(3)));
                case 't' -> push(new Tuple(popToMark()));
                case 'U' -> {
                    spend();
                    push(new String(bytes(u8()), StandardCharsets.ISO_8859_1));
                }
                case 'N' -> push(NONE);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case ']' -> {
                    spend();
                    push(new PList());
                }
                case 'a' -> {
                    Object item = pop();
                    list(top()).add(item);
                }
                case 'e' -> appends();
                case 'R' -> reduce();
                case 'b' -> build();
                case '.' -> {
                    return result();
                }
                default -> throw error(String.format("pickle opcode 0x%02x at byte %d is not allowed here", op, pos - 1));
            }
        }
    }

    private void global() throws DatasetFormatException {
        String name = line() + "." + line();
        if (!ALLOWED_GLOBALS.contains(name)) {
            throw error("pickle names the global '" + name + "'; only numpy array reconstruction is allowed");
        }
        push(new Global(name));
    }

    private void reduce() throws DatasetFormatException {
        Object args = pop();
        Object callable = pop();
        if (!(callable instanceof Global g) || !(args instanceof Tuple t)) {
            throw error("pickle REDUCE without a global and an argument tuple");
        }
        if (g.name().endsWith("._reconstruct")) {
            push(new NdArray());
        } else if (g.name().equals("numpy.dtype") && !t.items().isEmpty() && t.items().get(0) instanceof String s) {
            push(new Dtype(s));
        } else {
            throw error("pickle calls " + g.name() + " with unexpected arguments");
        }
    }

    private void build() throws DatasetFormatException {
        Object state = pop();
        Object target = top();
        if (target instanceof Dtype) {
            return;
        }
        if (!(target instanceof NdArray array) || !(state instanceof Tuple t) || t.items().size() != 5) {
            throw error("pickle BUILD on something other than a numpy array");
        }
        if (!(t.items().get(2) instanceof Dtype d) || !d.descr().startsWith("O")) {
            throw error("pickled array is not an object array");
        }
        if (!(t.items().get(4) instanceof PList data)) {
            throw error("pickled object array without a list of rows");
        }
        array.data = data;
    }

    private int[][] result() throws DatasetFormatException {
        if (size != 1 || !(objects[0] instanceof NdArray array) || array.data == null) {
            throw error("pickle does not hold one numpy object array");
        }
        int[][] out = new int[array.data.size()][];
        for (int i = 0; i < out.length; i++) {
            if (!(array.data.get(i) instanceof PList row)) {
                throw error("row " + i + " of the object array is not a list");
            }
            out[i] = row.toInts();
            if (out[i] == null) {
                throw error("row " + i + " holds something other than integers");
            }
        }
        return out;
    }

    /** APPENDS: moves everything above the last MARK into the list below it, without an intermediate copy. */
    private void appends() throws DatasetFormatException {
        if (marks.isEmpty()) {
            throw error("pickle pops to a MARK that was never set");
        }
        int m = marks.remove(marks.size() - 1);
        if (m == 0) {
            throw error("pickle stack underflow");
        }
        PList target = list(objects[m - 1]);
        int i = m + 1;
        while (i < size) {
            int run = i;
            while (run < size && objects[run] == INT) {
                run++;
            }
            target.addInts(ints, i, run - i);
            if (run < size) {
                target.add(objects[run]);
                run++;
            }
            i = run;
        }
        java.util.Arrays.fill(objects, m, size, null);
        size = m;
    }

    private List<Object> popToMark() throws DatasetFormatException {
        if (marks.isEmpty()) {
            throw error("pickle pops to a MARK that was never set");
        }
        int m = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(size - m - 1);
        for (int i = m + 1; i < size; i++) {
            items.add(objects[i] == INT ? Integer.valueOf(ints[i]) : objects[i]);
        }
        java.util.Arrays.fill(objects, m, size, null);
        size = m;
        return items;
    }

    private List<Object> popN(int n) throws DatasetFormatException {
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(0, pop());
        }
        return items;
    }

    private PList list(Object o) throws DatasetFormatException {
        if (o instanceof PList l) {
            return l;
        }
        throw error("pickle appends to something that is not a list");
    }

    private void push(Object o) {
        if (size == objects.length) {
            objects = java.util.Arrays.copyOf(objects, size * 2);
            ints = java.util.Arrays.copyOf(ints, size * 2);
        }
        objects[size++] = o;
    }

    /**
     * A run of BININT1 / BININT2 / BININT opcodes (a row's elements between MARK and APPENDS) pushed in
     * one tight loop; the run ends at the first other opcode, which the main loop then reads.
     */
    private void pushInts() throws DatasetFormatException {
        byte[] b = in;
        int p = pos;
        while (p < b.length) {
            int v;
            switch (b[p]) {
                case 'K' -> {
                    if (p + 1 >= b.length) {
                        throw error("truncated pickle (no STOP)");
                    }
                    v = b[p + 1] & 0xff;
                    p += 2;
                }
                case 'M' -> {
                    if (p + 2 >= b.length) {
                        throw error("truncated pickle (no STOP)");
                    }
                    v = (b[p + 1] & 0xff) | (b[p + 2] & 0xff) << 8;
                    p += 3;
                }
                case 'J' -> {
                    if (p + 4 >= b.length) {
                        throw error("truncated pickle (no STOP)");
                    }
                    v = (b[p + 1] & 0xff) | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff) << 16 | (b[p + 4] & 0xff) << 24;
                    p += 5;
                }
                default -> {
                    pos = p;
                    return;
                }
            }
            if (size == objects.length) {
                objects = java.util.Arrays.copyOf(objects, size * 2);
                ints = java.util.Arrays.copyOf(ints, size * 2);
            }
            objects[size] = INT;
            ints[size++] = v;
        }
        pos = p;
        throw error("truncated pickle (no STOP)");
    }

    private Object pop() throws DatasetFormatException {
        Object o = top();
        size--;
        objects[size] = null;
        return o;
    }

    /** The top of the stack, boxed if it is an int. */
    private Object top() throws DatasetFormatException {
        if (size == 0 || objects[size - 1] == MARK) {
            throw error("pickle stack underflow");
        }
        Object o = objects[size - 1];
        return o == INT ? Integer.valueOf(ints[size - 1]) : o;
    }

    private Object memoGet(int key) throws DatasetFormatException {
        Object o = memo.get(key);
        if (o == null) {
            throw error("pickle refers to memo entry " + key + " that was never stored");
        }
        return o;
    }

    private int u8() throws DatasetFormatException {
        if (pos >= in.length) {
            throw error("truncated pickle (no STOP)");
        }
        return in[pos++] & 0xff;
    }

    private int s32() throws DatasetFormatException {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    private byte[] bytes(int n) throws DatasetFormatException {
        if (pos + n > in.length) {
            throw error("truncated pickle string");
        }
        byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    private String line() throws DatasetFormatException {
        int start = pos;
        while (pos < in.length && in[pos] != '\n') {
            if (pos - start > 200) {
                throw error("pickle GLOBAL name too long");
            }
            pos++;
        }
        if (pos >= in.length) {
            throw error("truncated pickle GLOBAL");
        }
        return new String(in, start, pos++ - start, StandardCharsets.US_ASCII);
    }

    private DatasetFormatException error(String problem) {
        return new DatasetFormatException(file, member, problem);
    }
}
