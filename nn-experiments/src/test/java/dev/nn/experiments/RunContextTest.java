package dev.nn.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunContextTest {

    private static Trial trial(long seed, Map<String, Double> metrics) {
        return new Trial(seed, null, null, metrics);
    }

    private static RunContext context(long seed, int repeats) {
        return new RunContext(null, null, new RunOptions(seed, repeats, 0, 0), label -> null, ModelStore.none());
    }

    @Test
    void repeatRunsOneTrialPerSeedInOrderAndAveragesEachMetric() {
        List<Long> seen = new ArrayList<>();
        RunContext.Repeated r = context(42, 3).repeat(seed -> {
            seen.add(seed);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("test_loss", (double) seed);
            m.put("test_accuracy", seed == 43 ? 0.5 : 1.0);
            return trial(seed, m);
        });
        assertThat(r.trials()).extracting(Trial::seed).containsExactly(42L, 43L, 44L);
        assertThat(r.first().seed()).isEqualTo(42L);
        assertThat(seen).containsExactly(42L, 43L, 44L);
        assertThat(r.means()).containsExactly(Map.entry("test_loss", 43.0), Map.entry("test_accuracy", 2.5 / 3));
        assertThat(r.repeats().seeds()).containsExactly(42L, 43L, 44L);
        assertThat(r.repeats().values().get("test_accuracy")).containsExactly(1.0, 0.5, 1.0);
        assertThat(r.repeats().std("test_loss")).isEqualTo(1.0);
        assertThat(r.repeats().std("missing")).isNaN();
        assertThat(r.repeats().mean("test_loss")).isEqualTo(43.0);
        assertThat(r.repeats().mean("missing")).isNaN();
    }

    @Test
    void oneRepeatIsTheBooksSingleTraining() {
        RunContext.Repeated r = context(7, 1).repeat(seed -> trial(seed, Map.of("test_mae", 2.5)));
        assertThat(r.means()).containsExactly(Map.entry("test_mae", 2.5));
        assertThat(r.repeats().seeds()).containsExactly(7L);
        assertThat(r.repeats().std("test_mae")).isZero();
        assertThat(context(7, 1).seedLabel("boston: final model", 7)).isEqualTo("boston: final model");
        assertThat(context(7, 3).seedLabel("boston: final model", 8)).isEqualTo("boston: final model, seed 8 (2/3)");
    }

    @Test
    void trialsThatDisagreeOnTheirMetricsOrZeroRepeatsAreRejected() {
        assertThatThrownBy(() -> context(1, 2).repeat(seed -> trial(seed, seed == 1 ? Map.of("a", 1.0) : Map.of("b", 1.0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Seed 2 gave metrics [b]");
        assertThatThrownBy(() -> context(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats=0");
        assertThatThrownBy(() -> new RunOptions(1, 1, -1, 0)).hasMessageContaining("epochs=-1");
        assertThatThrownBy(() -> new RunOptions(1, 1, 0, -2)).hasMessageContaining("folds=-2");
    }
}
