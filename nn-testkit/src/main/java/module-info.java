/**
 * Test kit for backends: the conformance suite ({@link dev.nn.testkit.conformance.BackendConformance},
 * JUnit 5 test interfaces with default test methods) and seeded synthetic data of the Chapter 3 shapes
 * ({@link dev.nn.testkit.SyntheticData}).
 */
module dev.nn.testkit {
    requires transitive dev.nn.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports dev.nn.testkit;
    exports dev.nn.testkit.conformance;

    opens dev.nn.testkit.conformance to org.junit.platform.commons;
}
