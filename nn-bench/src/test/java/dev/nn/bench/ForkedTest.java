package dev.nn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A backend's workloads in a JVM of their own come back as figures; a child that fails is one clear message. */
class ForkedTest {

    @Test
    void aBackendsBostonRunsInAJvmOfItsOwnAndReportsItsFigures() {
        Bench.Result[] r = Forked.backend("java", 1, 3, 0, "C", 2, false);
        assertThat(r[0]).isEqualTo(Bench.NONE);
        assertThat(r[1]).isEqualTo(Bench.NONE);
        assertThat(r[2].total()).isPositive();
        assertThat(r[2].perStepMicros()).isPositive();
        assertThat(r[2].peakHeap()).isPositive();
    }

    @Test
    void aChildThatFailsEndsInOneMessageNamingIt() {
        assertThatThrownBy(() -> Forked.backend("tensorflow", 1, 3, 0, "C", 2, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the tensorflow run exited with code 1 (its output is above)");
    }
}
