package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each command's --help lists exactly the options it takes, --env.KEY=VALUE included; --version says what was built. */
class HelpAndVersionTest {
  private static final Pattern OPTION = Pattern.compile("^\\s+(?:-\\w, )?(--[\\w.-]+)", Pattern.MULTILINE);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "run-layer;--base-dir --config --dq-fail-on-error --dq-no-fail-on-error --dry-run --env.KEY --help --layer "
          + "--summary --vars --verbose --version",
      "run-pipeline;--base-dir --config --dq-fail-on-error --dq-no-fail-on-error --dry-run --env.KEY --help --layer "
          + "--parallel --pipeline --summary --vars --verbose --version",
      "validate;--base-dir --config --env.KEY --help --layer --vars --verbose --version",
      "plan;--analyze --base-dir --config --dq-fail-on-error --dq-no-fail-on-error --env.KEY --format --help --layer "
          + "--pipeline --vars --verbose --version",
      "state;--base-dir --config --dry-run --env.KEY --help --layer --state-id --value --vars --verbose --version",
      "test;--base-dir --env.KEY --help --junit --vars --verbose --version",
      "show;--base-dir --config --env.KEY --format --help --json --layer --limit --sink --vars --verbose --version "
          + "--where",
      "history;--base-dir --config --env.KEY --help --json --last --layer --plot --vars --verbose --version",
  })
  void helpListsExactlyTheOptionsOfTheCommand(String command, String options) {
    CliRun run = CliRun.prodi(command, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(optionsIn(run.out())).as(run.out()).containsExactlyInAnyOrder(options.split(" "));
  }

  @Test
  void optionsLeftOutOfACommandAreRejectedByIt() {
    CliRun run = CliRun.prodi("validate", "-c", "x.yml", "--summary", "s.json");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).first().asString().startsWith("prodi: error: Cannot parse the command line: Unknown option: "
        + "'--summary'");
  }

  @Test
  void theEnvOptionListedInTheHelpIsTheOneAccepted() {
    CliRun run = CliRun.prodi("validate", "--env.PRODI_FORCE_DRY_RUN=true", "-c", "missing.yml");
    assertThat(run.errors()).noneMatch(line -> line.contains("command line"));
  }

  @Test
  void versionPrintsVersionTargetAndCommit() {
    CliRun run = CliRun.prodi("--version");
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("prodi \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(lines.get(1)).matches("target: prodi(-spark4)?_2\\.1[23]-[\\w.-]+\\.jar \\(Spark [34]\\.\\d+\\.\\d+, Scala "
        + "2\\.1[23], Delta \\d+\\.\\d+\\.\\d+\\)");
    assertThat(lines.get(2)).startsWith("commit: ");
  }

  private static List<String> optionsIn(String help) {
    Matcher option = OPTION.matcher(help);
    List<String> names = new java.util.ArrayList<>();
    while (option.find()) {
      names.add(option.group(1).replaceAll("=.*", ""));
    }
    return names.stream().map(n -> n.startsWith("--env.") ? "--env.KEY" : n).collect(Collectors.toList());
  }
}
