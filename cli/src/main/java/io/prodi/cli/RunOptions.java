package io.prodi.cli;

import io.prodi.config.Layer;
import io.prodi.env.RunEnvironment;
import io.prodi.run.Console;
import io.prodi.run.RunRequest;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The option set of the layer mains and of run-layer and run-pipeline; the other commands take the part of it
 * they use ({@link Scope}), so that each command's {@code --help} lists exactly its options.
 */
public final class RunOptions {
  /** Which of these options a command takes. */
  enum Scope {
    /** Every option: run-layer, run-pipeline and the layer mains. */
    RUN(List.of()),
    /** validate and show: no run, so no --dry-run, --dq-* or --summary. */
    CHECK(List.of("--dry-run", "--dq-fail-on-error", "--dq-no-fail-on-error", "--summary")),
    /** plan: what a run would do, with the --dq-* overrides it would have. */
    PLAN(List.of("--dry-run", "--summary")),
    /** state: set, reset and unlock honour --dry-run. */
    STATE(List.of("--dq-fail-on-error", "--dq-no-fail-on-error", "--summary")),
    /** test: the tests name their configs. */
    TEST(List.of("-c", "--layer", "--dry-run", "--dq-fail-on-error", "--dq-no-fail-on-error", "--summary"));

    private final List<String> left;

    Scope(List<String> left) {
      this.left = left;
    }

    /** Removes from the command the options outside this scope, and adds --env.KEY=VALUE to its help. */
    void applyTo(CommandLine command) {
      CommandSpec spec = command.getCommandSpec();
      left.forEach(name -> spec.remove(spec.findOption(name)));
      Map<String, CommandLine.IHelpSectionRenderer> sections = command.getHelpSectionMap();
      sections.put(ENV_SECTION, help -> {
        CommandLine.Help.TextTable table = help.createDefaultLayout().textTable();
        table.addRowValues("", "", "", ENV_LABEL, "An environment override (repeatable), as a Dataproc job passes one: "
            + "e.g. --env.PRODI_FORCE_DRY_RUN=true.");
        return table.toString();
      });
      List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
      keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, ENV_SECTION);
      command.setHelpSectionKeys(keys);
    }
  }

  private static final String ENV_SECTION = "envOption";
  private static final String ENV_LABEL = "--env.KEY=VALUE";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "URI",
      description = "Layer or pipeline config: a local path or any Hadoop URI (gs://, s3a://, abfss://, file://, hdfs://).")
  List<String> configs = new ArrayList<>();

  @Option(names = "--layer", paramLabel = "LAYER", description = "The layer to run: raw, bronze, silver or gold.")
  String layer;

  @Option(names = "--vars", paramLabel = "K=V", description = "A template variable; repeatable; V may contain '='.")
  List<String> vars = new ArrayList<>();

  @Option(names = "--env", paramLabel = "KEY=VALUE", hidden = true,
      description = "An environment override; written --env.KEY=VALUE (listed in the help by Scope).")
  List<String> env = new ArrayList<>();

  @Option(names = "--dry-run", description = "Validate and print the plan; start no Spark, write nothing.")
  boolean dryRun;

  @Option(names = {"--dq-fail-on-error", "--dq.fail-on-error"}, description = "Override dq.fail_on_error to true.")
  boolean dqFailOnError;

  @Option(names = {"--dq-no-fail-on-error", "--dq.no-fail-on-error"},
      description = "Override dq.fail_on_error to false.")
  boolean dqNoFailOnError;

  @Option(names = "--base-dir", paramLabel = "DIR",
      description = "Folder that relative data and dataset paths resolve against (default: working directory).")
  String baseDir;

  @Option(names = "--summary", paramLabel = "URI", description = "Also write the run summary JSON there.")
  String summary;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces and Spark's own logging.")
  boolean verbose;

  Console console(CliContext context) {
    return new Console(context.out(), context.err(), verbose);
  }

  Map<String, String> varsMap() {
    return pairs("--vars", vars);
  }

  RunEnvironment environment(CliContext context) {
    return RunEnvironment.of(context.processEnv(), pairs("--env.KEY=VALUE", env),
        io.prodi.env.HadoopCredentialStore.of(context.files()));
  }

  Optional<Boolean> failOnErrorOverride() {
    if (dqFailOnError && dqNoFailOnError) {
      throw new ParameterException(spec.commandLine(),
          "Cannot use both --dq-fail-on-error and --dq-no-fail-on-error: choose one");
    }
    return dqFailOnError ? Optional.of(true) : dqNoFailOnError ? Optional.of(false) : Optional.empty();
  }

  Optional<Layer> layerOption() {
    return parseLayer(layer, "--layer");
  }

  Optional<Layer> parseLayer(String name, String what) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(Layer.fromId(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "Cannot use layer '" + name + "' in " + what + ": unknown layer (valid: " + String.join(", ", Layer.ids())
            + ")")));
  }

  String singleConfig() {
    if (configs.size() != 1) {
      throw new ParameterException(spec.commandLine(), configs.isEmpty()
          ? "Cannot run: -c/--config is required (missing)"
          : "Cannot run: give one -c/--config, not " + configs.size() + " (" + String.join(", ", configs) + ")");
    }
    return configs.get(0);
  }

  RunRequest request(CliContext context, String config, Optional<Layer> runLayer) {
    String base = baseDir != null ? baseDir : Paths.get("").toAbsolutePath().toString();
    return new RunRequest(config, runLayer, varsMap(), environment(context), dryRun, failOnErrorOverride(), base,
        Optional.ofNullable(summary), context.files(), Instant.now());
  }

  private Map<String, String> pairs(String what, List<String> items) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(),
            "Cannot read " + what + ": expected KEY=VALUE (" + item + ")");
      }
      out.put(item.substring(0, eq), item.substring(eq + 1));
    }
    return out;
  }
}
