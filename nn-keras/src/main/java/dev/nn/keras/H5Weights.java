package dev.nn.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads the variables of {@code model.weights.h5} (held in memory) by Keras path, checking every dataset's type
 * and shape against what the config says before its data is read, so that a crafted header cannot make it
 * allocate more than the member's real size. Any failure of the HDF5 reader becomes a {@link KerasFormatException}.
 */
final class H5Weights implements AutoCloseable {

    private final Path file;
    private final HdfFile h5;
    private final long memberBytes;

    private H5Weights(Path file, HdfFile h5, long memberBytes) {
        this.file = file;
        this.h5 = h5;
        this.memberBytes = memberBytes;
    }

    static H5Weights open(Path file, byte[] member) throws KerasFormatException {
        try {
            return new H5Weights(file, HdfFile.fromBytes(member), member.length);
        } catch (RuntimeException | StackOverflowError e) {
            throw new KerasFormatException(file, Archive.WEIGHTS, "not a readable HDF5 file: " + e, e);
        }
    }

    /** The datasets of group {@code path + "/vars"}, by name ({@code "0"}, {@code "1"}, ...); empty when absent. */
    Map<String, Node> vars(String path) throws KerasFormatException {
        try {
            return find(path + "/vars") instanceof Group group ? group.getChildren() : Map.of();
        } catch (RuntimeException | StackOverflowError e) {
            throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "corrupted HDF5 group: " + e, e);
        }
    }

    private Node find(String path) {
        Node n = h5;
        for (String part : path.split("/")) {
            if (!(n instanceof Group g) || !g.getChildren().containsKey(part)) {
                return null;
            }
            n = g.getChildren().get(part);
        }
        return n;
    }

    /** The float32 dataset at {@code path} with exactly the Keras {@code shape}, row-major. */
    float[] floats(String path, int... shape) throws KerasFormatException {
        Dataset d = dataset(path);
        try {
            int[] dims = d.getDimensions();
            if (!Arrays.equals(dims, shape)) {
                throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "has shape "
                        + Arrays.toString(dims) + ", the config says " + Arrays.toString(shape));
            }
            requireFloat32(path, d);
            long elements = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
            if (elements * 4 > memberBytes) {
                throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "declares " + elements * 4
                        + " bytes of data in a member of " + memberBytes);
            }
            Object data = shape.length == 0 ? new float[] {((Number) d.getData()).floatValue()} : d.getDataFlat();
            if (!(data instanceof float[] f) || f.length != elements) {
                throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "holds no float32 data of "
                        + elements + " values");
            }
            return f;
        } catch (KerasFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "corrupted HDF5 dataset: " + e, e);
        }
    }

    /** A scalar integer dataset (Keras's {@code iteration}), int32 or int64. */
    long scalarInteger(String path) throws KerasFormatException {
        Dataset d = dataset(path);
        try {
            Object v = d.isScalar() ? d.getData() : null;
            if (!(v instanceof Integer || v instanceof Long)) {
                throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "expected a scalar integer, "
                        + "received " + (v == null ? "shape " + Arrays.toString(d.getDimensions()) : v.getClass()
                                .getSimpleName()));
            }
            return ((Number) v).longValue();
        } catch (KerasFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "corrupted HDF5 dataset: " + e, e);
        }
    }

    /** A one-dimensional int64 dataset at the root, or null when absent. */
    long[] rootLongs(String name) throws KerasFormatException {
        try {
            Node n = h5.getChildren().get(name);
            if (n == null) {
                return null;
            }
            if (!(n instanceof Dataset d) || d.getDimensions().length != 1 || d.getJavaType() != long.class
                    || (long) d.getDimensions()[0] * 8 > memberBytes) {
                throw new KerasFormatException(file, Archive.WEIGHTS + " " + name, "expected a one-dimensional "
                        + "int64 dataset");
            }
            return (long[]) d.getDataFlat();
        } catch (KerasFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new KerasFormatException(file, Archive.WEIGHTS + " " + name, "corrupted HDF5 dataset: " + e, e);
        }
    }

    private Dataset dataset(String path) throws KerasFormatException {
        Node n;
        try {
            n = find(path);
        } catch (RuntimeException | StackOverflowError e) {
            throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "corrupted HDF5 group: " + e, e);
        }
        if (!(n instanceof Dataset d)) {
            throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, n == null ? "is missing"
                    : "is a group, expected a dataset");
        }
        return d;
    }

    private void requireFloat32(String path, Dataset d) throws KerasFormatException {
        if ((d.getJavaType() != float.class && d.getJavaType() != Float.class) || d.getDataType().getSize() != 4) {
            throw new KerasFormatException(file, Archive.WEIGHTS + " " + path, "has dtype " + d.getJavaType()
                    .getSimpleName() + " (" + d.getDataType().getSize() + " bytes), only float32 is supported");
        }
    }

    @Override
    public void close() {
        try {
            h5.close();
        } catch (RuntimeException e) {
            // in-memory: nothing to release that matters
        }
    }
}
