package dev.nn.backend.nd4j;

import dev.nn.api.Backends;
import dev.nn.api.spi.Backend;

/** Run in a child JVM with nn-api on the module path and this backend on the class path. */
public final class ServiceLoaderProbe {

    private ServiceLoaderProbe() {
    }

    public static void main(String[] args) {
        System.out.println("module=" + Backend.class.getModule().getName());
        System.out.println("available=" + Backends.available());
        try (Backend b = Backends.create("nd4j", 1)) {
            System.out.println("nd4j=" + b.getClass().getName());
        }
    }
}
