package dev.nn.testkit.conformance;

import dev.nn.api.spi.Backend;

/** What a binding provides: the backend to test. Return the same instance from every call. */
public interface BackendUnderTest {

    Backend backend();
}
