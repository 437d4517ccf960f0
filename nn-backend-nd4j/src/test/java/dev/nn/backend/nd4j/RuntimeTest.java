package dev.nn.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RmsProp;
import dev.nn.api.spi.Backend;
import dev.nn.api.training.EpochMetrics;
import dev.nn.api.training.TrainingListener;
import dev.nn.testkit.SyntheticData;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuntimeTest {

    @Test
    void serviceLoaderInTheNamedApiModuleFindsTheBackendOnTheClassPath() throws Exception {
        String api = location(Backend.class);
        String slf4j = location(org.slf4j.Logger.class);
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.equals(api) && !p.equals(slf4j)).collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", api + File.pathSeparator + slf4j, "--add-modules", "dev.nn.api,ALL-DEFAULT",
                "-cp", classPath, ServiceLoaderProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("module=dev.nn.api").contains("nd4j=dev.nn.backend.nd4j.Nd4jBackend")
                .containsPattern("available=\\[.*nd4j.*\\]");
    }

    /**
     * The backend sets OMP_WAIT_POLICY=PASSIVE in its own process before ND4J loads (this module's tests run
     * with the JVM flags that allows and without the variable in their environment); BLAS gets the backend's
     * threads.
     */
    @Test
    void theOpenMpWaitPolicyIsPassiveOnceTheBackendHasStarted() throws Throwable {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("OMP_WAIT_POLICY") == null,
                "OMP_WAIT_POLICY is set in this environment; the backend leaves it alone");
        try (Backend backend = new Nd4jBackend(2)) {
            backend.zeros(1, 1).close();
            assertThat(processEnv("OMP_WAIT_POLICY")).isEqualTo("PASSIVE");
            assertThat(backend.description()).contains("2 BLAS threads");
        }
    }

    /**
     * malloc_trim gives back the pages of blocks freed among blocks still in use, which glibc otherwise keeps:
     * 64 KB blocks (below glibc's mmap threshold, so they come from an arena), every other one freed, are 80 MB
     * that the process keeps resident until the trim, which gives back the whole pages inside each (measured: 79 MB
     * in two runs; without the trim, none). At least half must come back.
     */
    @Test
    void theMallocTrimHandsFreedPagesBack() {
        try (Backend backend = new Nd4jBackend(1)) {
            backend.zeros(1, 1).close(); // ND4J started, the trim resolved
        }
        int size = 64 << 10;
        org.bytedeco.javacpp.Pointer[] blocks = new org.bytedeco.javacpp.Pointer[2_560];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = org.bytedeco.javacpp.Pointer.malloc(size);
            assertThat(blocks[i].isNull()).isFalse();
            org.bytedeco.javacpp.Pointer.memset(blocks[i], 1, size);
        }
        try {
            for (int i = 0; i < blocks.length; i += 2) {
                org.bytedeco.javacpp.Pointer.free(blocks[i]);
            }
            long before = org.bytedeco.javacpp.Pointer.physicalBytes();
            assertThat(Nd4jRuntime.trimMalloc()).as("malloc_trim called").isTrue();
            long after = org.bytedeco.javacpp.Pointer.physicalBytes();
            assertThat(before - after).as("resident bytes given back by the trim").isGreaterThan(40L << 20);
        } finally {
            for (int i = 1; i < blocks.length; i += 2) {
                org.bytedeco.javacpp.Pointer.free(blocks[i]);
            }
        }
    }

    /** {@code getenv(3)}: the process's environment as native code sees it (Java's copy is taken at start). */
    private static String processEnv(String name) throws Throwable {
        jdk.incubator.foreign.CLinker linker = jdk.incubator.foreign.CLinker.getInstance();
        java.lang.invoke.MethodHandle getenv = linker.downcallHandle(
                jdk.incubator.foreign.CLinker.systemLookup().lookup("getenv").orElseThrow(),
                java.lang.invoke.MethodType.methodType(jdk.incubator.foreign.MemoryAddress.class,
                        jdk.incubator.foreign.MemoryAddress.class),
                jdk.incubator.foreign.FunctionDescriptor.of(jdk.incubator.foreign.CLinker.C_POINTER,
                        jdk.incubator.foreign.CLinker.C_POINTER));
        try (jdk.incubator.foreign.ResourceScope scope = jdk.incubator.foreign.ResourceScope.newConfinedScope()) {
            jdk.incubator.foreign.MemoryAddress v = (jdk.incubator.foreign.MemoryAddress) getenv.invokeExact(
                    jdk.incubator.foreign.CLinker.toCString(name, scope).address());
            return v.equals(jdk.incubator.foreign.MemoryAddress.NULL) ? null
                    : jdk.incubator.foreign.CLinker.toJavaString(v);
        }
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /**
     * ND4J leaves native memory behind each op call for the garbage collector (about 25 KB per training
     * step here). With this module's tests' slack of 256 MB ({@code nn.nd4j.nativeSlackMb} in the POM), the
     * off-heap part of the process must stay within 2 GB of where it started over 80,000 steps of batch
     * size 1 (measured: about 1.1 GB at its peaks). With JavaCPP's deallocation switched off
     * ({@code nopointergc}, the bug a full Boston run was killed for) it reached 3.6 GB.
     */
    @Test
    void nativeMemoryStaysBoundedOverEightyThousandSteps() {
        SyntheticData.Regression d = SyntheticData.housing(100, 13, 41);
        List<Long> sizes = new ArrayList<>();
        try (Backend backend = new Nd4jBackend(2)) {
            Sequential m = new Sequential(backend, 1, Dense.of(64, Activation.RELU), Dense.of(64, Activation.RELU),
                    Dense.of(1));
            m.compile(RmsProp.defaults(), Losses.meanSquaredError(), Metric.meanAbsoluteError());
            m.fit(d.x().slice(0, 1), d.y().slice(0, 1), 1, 1); // start ND4J before the baseline
            long start = Nd4jRuntime.offHeap();
            m.fit(d.x(), d.y(), 800, 1, new TrainingListener() {
                @Override
                public void onEpochEnd(EpochMetrics metrics) {
                    sizes.add(Nd4jRuntime.offHeap() - start);
                }
            });
        }
        long peak = sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(peak).as("largest growth of off-heap memory over 80,000 steps, bytes").isLessThan(2L << 30);
    }

}
