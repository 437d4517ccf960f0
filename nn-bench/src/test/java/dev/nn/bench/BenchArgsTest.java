package dev.nn.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A bad command line is one message naming what was wrong and what is valid (exit code 2 in main). */
class BenchArgsTest {

    @Test
    void badValuesNameTheOptionAndWhatIsValid() {
        assertThatThrownBy(() -> Bench.run(new String[] {"--epochs", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--epochs expects a positive integer, received '0'");
        assertThatThrownBy(() -> Bench.run(new String[] {"--threads", "two"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--threads expects a positive integer");
        assertThatThrownBy(() -> Bench.run(new String[] {"--backend", "tensorflow"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown backend 'tensorflow'")
                .hasMessageContaining("java").hasMessageContaining("nd4j").hasMessageContaining("dl4j");
        assertThatThrownBy(() -> Bench.run(new String[] {"--workloads", "A,D"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A, B and C");
        assertThatThrownBy(() -> Bench.run(new String[] {"--epochs"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a value");
    }
}
