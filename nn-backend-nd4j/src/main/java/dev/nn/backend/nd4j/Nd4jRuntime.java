package dev.nn.backend.nd4j;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ND4J once per JVM, on first use, and applies the thread count to its OpenMP and BLAS pools.
 *
 * <p>JavaCPP's GC-driven deallocation stays on: ND4J allocates native memory inside every op call (op
 * contexts, argument pointers) and frees it only through that path. With
 * {@code org.bytedeco.javacpp.nopointergc=true} that memory was never freed and a full Boston run was
 * killed at 24 GB; {@link #tick()} bounds how much of it waits for a collection. Tensors are still
 * closed explicitly, so large buffers go at once.
 */
final class Nd4jRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
    /**
     * Native memory the process may gain over its size after the last collection before it collects again:
     * system property {@code nn.nd4j.nativeSlackMb}, default 1024.
     */
    static final long NATIVE_SLACK_BYTES = Long.getLong("nn.nd4j.nativeSlackMb", 1024) << 20;
    private static final int CHECK_EVERY = 4096;
    /** Never more than one requested collection per two seconds, whatever the measurements say. */
    private static final long MIN_INTERVAL_NANOS = 2_000_000_000L;
    /** Whether the foreign linker is in this JVM ({@link NativeEnv} may be loaded). */
    private static final boolean FOREIGN_LINKER = ModuleLayer.boot().findModule("jdk.incubator.foreign").isPresent();
    private static long lastCollection;
    private static int calls;
    private static long lowWater = -1;
    private static int appliedThreads;
    private static String blasVendor = "?";
    /** glibc's malloc_trim ({@link NativeEnv#mallocTrim}), or null where it cannot be called; set when ND4J starts. */
    private static java.lang.invoke.MethodHandle mallocTrim;

    private Nd4jRuntime() {
    }

    /**
     * Runs {@code body} with ND4J's element-wise loops on {@code threads} threads instead of the calling thread
     * alone: for passes over millions of values (a one-pass optimizer step over a 10,000 x 512 kernel), where
     * splitting pays for waking the second thread many times over. ND4J itself gives each thread at least
     * 1,024 values.
     */
    static void elementWiseOnAll(int threads, Runnable body) {
        if (threads == 1) {
            body.run();
            return;
        }
        org.nd4j.linalg.factory.Environment env = Nd4j.getEnvironment();
        env.setMaxMasterThreads(threads);
        env.setMaxThreads(threads);
        try {
            body.run();
        } finally {
            env.setMaxMasterThreads(1);
            env.setMaxThreads(1);
        }
    }

    /**
     * Starts ND4J with BLAS on {@code threads} threads if nothing has started it yet, and otherwise leaves the thread
     * count as it is: for calls that only read, such as a backend's description, which a run records after each
     * experiment while one-thread {@linkplain Nd4jBackend#singleThreadedSibling siblings} are still training.
     * Setting two threads then made the siblings' next products run on two, whose sums OpenBLAS rounds differently,
     * and a side-by-side run's results depended on when each experiment ended.
     */
    static synchronized void start(int threads) {
        if (appliedThreads == 0) {
            ensure(threads);
        }
    }

    /** Starts ND4J if need be and sets BLAS to {@code threads} threads, for a backend about to compute. */
    static synchronized void ensure(int threads) {
        if (appliedThreads == threads) {
            return;
        }
        if (appliedThreads == 0) {
            noPhysicalBytesCheck();
            passiveOpenMpWait();
            mallocTrim = mallocTrimHandle();
            Nd4j.setDefaultDataTypes(org.nd4j.linalg.api.buffer.DataType.FLOAT,
                    org.nd4j.linalg.api.buffer.DataType.FLOAT);
            blasVendor = String.valueOf(Nd4j.factory().blas().getBlasVendor());
        }
        // The threads go to BLAS, where the work is (gemm); ND4J's own element-wise loops run on the calling
        // thread. With both pools at `threads`, ND4J's OpenMP workers and OpenBLAS's spin-waiting workers
        // fought over the cores: a 64-wide ReLU after a gemm waited a millisecond for a time slice, and an IMDB
        // epoch took twice as long unless OMP_WAIT_POLICY=PASSIVE was set before the JVM started. A chapter
        // layer's element-wise op (at most 512 x 64, or 160,000 values in an optimizer step) is faster on one
        // core than handed to two.
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.factory().blas().setMaxThreads(threads);
        if (appliedThreads == 0) {
            LOG.info("Backend nd4j: ND4J 1.0.0-M2.1 (CPU), BLAS {} on {} threads, element-wise ops on the calling "
                    + "thread (OMP_NUM_THREADS={})", blasVendor,
                    threads, System.getenv("OMP_NUM_THREADS"));
        }
        appliedThreads = threads;
    }

    /**
     * OpenBLAS here is built on OpenMP and shares libgomp's threads with ND4J's loops; by default an idle
     * OpenMP thread spins for milliseconds, and on two cores a spinning BLAS worker left every following
     * small op waiting (a 46-wide softmax took 5 ms instead of 0.5, an IMDB epoch twice as long).
     * {@code OMP_WAIT_POLICY=PASSIVE}, which DL4J's tuning guide also prescribes, makes idle threads sleep.
     * libgomp reads it when it loads, which is ND4J's first use, just after this: so it is set here in this
     * process's environment, unless the user set it, through {@link NativeEnv}. That needs the JVM flags
     * {@code --add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED} (the project's launch
     * configurations pass them); without them the backend says once what to set.
     */
    private static void passiveOpenMpWait() {
        if (System.getenv("OMP_WAIT_POLICY") != null) {
            return;
        }
        String why;
        if (!FOREIGN_LINKER) {
            why = "the JVM was started without --add-modules jdk.incubator.foreign";
        } else {
            try {
                if (NativeEnv.setIfUnset("OMP_WAIT_POLICY", "PASSIVE")) {
                    return;
                }
                why = "setenv failed";
            } catch (IllegalCallerException e) {
                why = "the JVM was started without --enable-native-access=ALL-UNNAMED";
            } catch (Throwable e) {
                why = String.valueOf(e);
            }
        }
        LOG.warn("OMP_WAIT_POLICY is not set and could not be set from Java ({}): ND4J's and OpenBLAS's OpenMP "
                + "threads will spin against each other and the nd4j backend runs up to twice as slowly. Set "
                + "OMP_WAIT_POLICY=PASSIVE in the environment, or pass those JVM flags.", why);
    }

    /** glibc's malloc_trim where this JVM may call it (the same flags as {@link #passiveOpenMpWait}), else null. */
    private static java.lang.invoke.MethodHandle mallocTrimHandle() {
        if (!FOREIGN_LINKER) {
            return null;
        }
        try {
            return NativeEnv.mallocTrim().orElse(null);
        } catch (IllegalCallerException e) {
            LOG.debug("malloc_trim not callable: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Turns off JavaCPP's check of the process's physical memory on every native allocation, unless the user
     * set a limit: ND4J allocates a few small pointers per kernel call, and reading the resident size each time
     * took a fifth of a Boston step. {@link #tick()} bounds the native memory instead, every 4,096 calls.
     * Only has an effect before JavaCPP starts, which is here, before ND4J's first use.
     */
    private static void noPhysicalBytesCheck() {
        if (System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null
                && System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxphysicalbytes", "0");
        }
    }

    /**
     * Called on every kernel call. ND4J allocates a few KB of native memory inside each op (op context,
     * argument pointers) that only the collection of their Java objects frees; with a large heap and little
     * Java garbage a collection can be gigabytes away (a full Boston run reached 24 GB). Every 4,096 calls
     * this reads the off-heap size of the process (resident size less the committed heap, so that the
     * JVM growing its heap does not count) and, once it has grown {@link #NATIVE_SLACK_BYTES} past the lowest
     * size seen since the last collection, asks for one. First it hands the pages glibc holds free back to the
     * system ({@code malloc_trim}): ND4J's arrays and op arguments come from malloc, glibc keeps what they free in
     * its arenas for reuse, one arena per allocating thread, and with two experiments training side by side the
     * chapter's peak resident size was 1.67-1.95 GB; with a trim at every check, 1.19-1.36 GB in five runs. A trim
     * takes about 1.1 ms: some 8,500 trims and 9 s of a 131 s chapter. Rarer trims (once a second, every 250 ms,
     * or once the size had grown 16 or 64 MB) gave peaks of 1.54-1.69 GB in 125-132 s, no clear gain in time.
     * Trimming first also makes the size measured here what is in use, not what glibc kept.
     */
    static void tick() {
        // unsynchronized: two backends' threads (side-by-side trainings) may lose a count now and then, which
        // only moves the next check
        if (++calls % CHECK_EVERY != 0) {
            return;
        }
        check();
    }

    private static synchronized void check() {
        trimMalloc();
        long size = offHeap();
        // the low-water mark follows the deallocator thread down after a collection, so the threshold
        // never ratchets up on a measurement taken before the memory was actually freed
        if (lowWater < 0 || size < lowWater) {
            lowWater = size;
        }
        long now = System.nanoTime();
        if (size > lowWater + NATIVE_SLACK_BYTES && now - lastCollection > MIN_INTERVAL_NANOS) {
            System.gc();
            lastCollection = System.nanoTime();
            lowWater = offHeap();
        }
    }

    /** {@code malloc_trim(0)} where it can be called; whether it was. */
    static synchronized boolean trimMalloc() {
        if (mallocTrim == null) {
            return false;
        }
        try {
            int unused = (int) mallocTrim.invokeExact(0L);
            return true;
        } catch (Throwable e) {
            LOG.debug("malloc_trim failed; not calling it again", e);
            mallocTrim = null;
            return false;
        }
    }

    /** The process's resident size less the committed Java heap, which the JVM grows and shrinks on its own. */
    static long offHeap() {
        return Pointer.physicalBytes() - Runtime.getRuntime().totalMemory();
    }

    static synchronized String blasVendor() {
        return blasVendor;
    }
}
