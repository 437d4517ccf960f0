package dev.nn.backend.nd4j;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.ResourceScope;

/**
 * C library calls for this process ({@code setenv(3)}, glibc's {@code malloc_trim(3)}), through the (incubating)
 * foreign linker of Java 17. Only loaded when {@code jdk.incubator.foreign} is in the boot layer; calling it needs
 * {@code --enable-native-access} (else {@link IllegalCallerException}).
 */
final class NativeEnv {

    private NativeEnv() {
    }

    /** Sets {@code name} to {@code value} unless it is already set; true when the variable now has a value. */
    static boolean setIfUnset(String name, String value) throws Throwable {
        CLinker linker = CLinker.getInstance();
        MethodHandle setenv = linker.downcallHandle(CLinker.systemLookup().lookup("setenv").orElseThrow(),
                MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class, int.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_INT));
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            int r = (int) setenv.invokeExact(CLinker.toCString(name, scope).address(),
                    CLinker.toCString(value, scope).address(), 0);
            return r == 0;
        }
    }

    /**
     * glibc's {@code malloc_trim(0)}, which hands the free pages of every malloc arena back to the system, as a
     * handle of type {@code (long) -> int}; empty where the C library has none (musl, macOS).
     */
    static java.util.Optional<MethodHandle> mallocTrim() {
        return CLinker.systemLookup().lookup("malloc_trim").map(f -> CLinker.getInstance().downcallHandle(f,
                MethodType.methodType(int.class, long.class), FunctionDescriptor.of(CLinker.C_INT, CLinker.C_LONG)));
    }
}
