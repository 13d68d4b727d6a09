package io.prodi.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.env.RunEnvironment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DryRunGuardTest {
  /** PRODI_FORCE_DRY_RUN: "<unset>" for no variable; config dry_run: "-" when the config does not say. */
  @ParameterizedTest(name = "force={0} config={1} flag={2} -> dry={3} message={4}")
  @CsvSource(delimiter = '|', value = {
      "<unset> | -     | false | false | false",
      "<unset> | false | false | false | false",
      "<unset> | true  | false | true  | false",
      "<unset> | false | true  | true  | false",
      "<unset> | -     | true  | true  | false",
      "''      | false | false | false | false",
      "'  '    | false | false | false | false",
      "0       | false | false | false | false",
      "false   | false | false | false | false",
      "FALSE   | false | false | false | false",
      "' No '  | false | false | false | false",
      "no      | true  | false | true  | false",
      "true    | false | false | true  | true",
      "TRUE    | -     | false | true  | true",
      "1       | false | false | true  | true",
      "yes     | false | true  | true  | true",
      "anything| false | false | true  | true",
      "' true '| false | false | true  | true",
      "true    | true  | false | true  | false",
      "off     | false | false | true  | true",
  })
  void truthTable(String force, String config, boolean flag, boolean dry, boolean message) {
    Map<String, String> env = new HashMap<>();
    if (!force.equals("<unset>")) {
      env.put("PRODI_FORCE_DRY_RUN", force);
    }
    Boolean configDryRun = config.equals("-") ? null : Boolean.valueOf(config);
    DryRunGuard.Decision decision = DryRunGuard.decide("raw", configDryRun, flag, RunEnvironment.of(env, Map.of()));
    assertThat(decision.dryRun()).isEqualTo(dry);
    assertThat(decision.forcingMessage().isPresent()).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource({"true, [silver] PRODI_FORCE_DRY_RUN=true - forcing dry_run execution",
      "' 1 ', '[silver] PRODI_FORCE_DRY_RUN= 1  - forcing dry_run execution'"})
  void forcingMessageNamesTheLayerAndTheValue(String value, String expected) {
    DryRunGuard.Decision decision = DryRunGuard.decide("silver", false, false,
        RunEnvironment.of(Map.of("PRODI_FORCE_DRY_RUN", value), Map.of()));
    assertThat(decision.forcingMessage()).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"false, true, true", "true, false, false", "'', true, true"})
  void overridesWinOverTheProcessEnvironment(String process, String override, boolean dry) {
    RunEnvironment env = RunEnvironment.of(Map.of("PRODI_FORCE_DRY_RUN", process),
        Map.of("PRODI_FORCE_DRY_RUN", override));
    assertThat(DryRunGuard.decide("raw", false, false, env).dryRun()).isEqualTo(dry);
  }
}
