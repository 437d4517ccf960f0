package dev.nn.backend.nd4j;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ND4J once per JVM, on first use, and applies the thread count to its OpenMP and BLAS pools.
 * JavaCPP's GC-driven native memory tracking is switched off (it costs about 1 ms per step); every
 * tensor is closed explicitly instead.
 */
final class Nd4jRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
    private static int appliedThreads;
    private static String blasVendor = "?";

    private Nd4jRuntime() {
    }

    static synchronized void ensure(int threads) {
        if (appliedThreads == threads) {
            return;
        }
        if (appliedThreads == 0) {
            if (System.getProperty("org.bytedeco.javacpp.nopointergc") == null) {
                System.setProperty("org.bytedeco.javacpp.nopointergc", "true");
            }
            Nd4j.setDefaultDataTypes(org.nd4j.linalg.api.buffer.DataType.FLOAT,
                    org.nd4j.linalg.api.buffer.DataType.FLOAT);
            blasVendor = String.valueOf(Nd4j.factory().blas().getBlasVendor());
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        if (appliedThreads == 0) {
            LOG.info("Backend nd4j: ND4J 1.0.0-M2.1 (CPU), BLAS {}, {} threads (OMP_NUM_THREADS={})", blasVendor,
                    threads, System.getenv("OMP_NUM_THREADS"));
        }
        appliedThreads = threads;
    }

    static synchronized String blasVendor() {
        return blasVendor;
    }
}
