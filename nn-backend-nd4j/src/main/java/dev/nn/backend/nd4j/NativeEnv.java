package dev.nn.backend.nd4j;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.ResourceScope;

/**
 * {@code setenv(3)} for this process, through the (incubating) foreign linker of Java 17. Only loaded when
 * {@code jdk.incubator.foreign} is in the boot layer; calling it needs {@code --enable-native-access}.
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
}
