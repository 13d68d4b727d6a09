package io.prodi.dq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.Findings;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The anomaly decision against an independent computation of mean and sample deviation. */
class AnomalyBoundsTest {
  private static AnomalySpec spec(String yaml) throws Exception {
    Findings findings = new Findings("test.yml");
    ConfigNode node = ConfigNode.root(new ObjectMapper(new YAMLFactory()).readTree(yaml), findings);
    ExpectationSpec spec = ExpectationTypes.bind(node).orElseThrow();
    assertThat(findings.problems()).isEmpty();
    return (AnomalySpec) spec;
  }

  @Test
  void relativeBoundsAreTheMeanPlusOrMinusTheChange() throws Exception {
    AnomalySpec spec = spec("{type: anomaly, metric: row_count, max_change: 0.5, min_history: 2}");
    AnomalyBounds bounds = AnomalyBounds.of(spec, List.of(90.0, 110.0));
    assertThat(bounds.lower()).isEqualTo(50.0);
    assertThat(bounds.upper()).isEqualTo(150.0);
    assertThat(bounds.allows(150.0)).isTrue();
    assertThat(bounds.allows(150.5)).isFalse();
    assertThat(bounds.allows(49.0)).isFalse();
  }

  @Test
  void zscoreBoundsUseTheSampleStandardDeviation() throws Exception {
    AnomalySpec spec = spec("{type: anomaly, metric: mean, column: x, method: zscore, threshold: 2, min_history: 3}");
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 3 + random.nextInt(10);
      double[] values = random.doubles(n, -1000, 1000).toArray();
      double mean = Arrays.stream(values).sum() / n;
      double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
      AnomalyBounds bounds = AnomalyBounds.of(spec, Arrays.stream(values).boxed().collect(Collectors.toList()));
      assertThat(bounds.lower()).isCloseTo(mean - 2 * sd, within(1e-6));
      assertThat(bounds.upper()).isCloseTo(mean + 2 * sd, within(1e-6));
      double probe = random.nextDouble() * 4000 - 2000;
      assertThat(bounds.allows(probe)).isEqualTo(Math.abs(probe - mean) <= 2 * sd + 1e-9);
    }
  }

  @Test
  void tooLittleHistoryPassesAndSaysSo() throws Exception {
    AnomalySpec spec = spec("{type: anomaly, metric: null_fraction, column: email}");
    AnomalyBounds bounds = AnomalyBounds.of(spec, List.of(0.1, 0.1));
    assertThat(bounds.allows(0.9)).isTrue();
    assertThat(bounds.describe(0.9)).isEqualTo("null_fraction(email) 0.9000: 2 earlier successful runs in the event "
        + "log, 5 needed to judge; passing");
    assertThat(spec.metricKey()).isEqualTo("null_fraction(email)");
    assertThat(spec.window()).isEqualTo(14);
  }
}
