package io.prodi.cli;

import io.prodi.config.Layer;
import io.prodi.engine.SparkLayerEngine;
import io.prodi.engine.SparkSessions;
import io.prodi.run.LayerRun;
import io.prodi.run.RunFailure;
import io.prodi.yaml.ConfigException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The general command line, the jar's Main-Class: run-layer, run-pipeline, validate, plan. */
@Command(name = "prodi", mixinStandardHelpOptions = true, versionProvider = Prodi.Version.class,
    description = "Config-driven Spark medallion pipeline (raw, bronze, silver, gold).")
public final class Prodi implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The jar's Main-Class; the process's SparkSession is built here, only when a real run needs one. */
  public static void main(String[] args) {
    System.exit(execute(args, CliContext.system(new SparkLayerEngine(SparkSessions::getOrCreate))));
  }

  /** Runs the general command line and returns its exit code. */
  public static int execute(String[] args, CliContext context) {
    CommandLine cli = new CommandLine(new Prodi())
        .addSubcommand("run-layer", new RunLayerCommand(context, null))
        .addSubcommand("run-pipeline", new RunPipelineCommand(context))
        .addSubcommand("validate", new ValidateCommand(context))
        .addSubcommand("plan", new PlanCommand(context))
        .addSubcommand("test", new TestCommand(context))
        .addSubcommand("state", new StateCommand(context))
        .addSubcommand("schema", new SchemaCommand(context))
        .addSubcommand("show", new ShowCommand(context))
        .addSubcommand("history", new HistoryCommand(context))
        .addSubcommand("migrate", new MigrateCommand(context));
    Map<String, RunOptions.Scope> scopes = Map.of("run-layer", RunOptions.Scope.RUN,
        "run-pipeline", RunOptions.Scope.RUN, "validate", RunOptions.Scope.CHECK, "plan", RunOptions.Scope.PLAN,
        "state", RunOptions.Scope.STATE, "test", RunOptions.Scope.TEST, "show", RunOptions.Scope.CHECK,
        "history", RunOptions.Scope.CHECK);
    scopes.forEach((name, scope) -> scope.applyTo(cli.getSubcommands().get(name)));
    return run(cli, args, context);
  }

  /** Runs a layer main class: the options of run-layer, the layer fixed. */
  public static int executeLayer(Layer layer, String[] args, CliContext context) {
    CommandLine cli = new CommandLine(new RunLayerCommand(context, layer));
    cli.setCommandName(layer.mainClass());
    RunOptions.Scope.RUN.applyTo(cli);
    return run(cli, args, context);
  }

  static int run(CommandLine cli, String[] args, CliContext context) {
    java.util.Optional<String> wrongPlatform = io.prodi.run.BuildTarget.ofThisJar()
        .flatMap(io.prodi.run.BuildTarget::mismatchWithClassPath);
    if (wrongPlatform.isPresent()) {
      context.err().println("prodi: error: " + wrongPlatform.get());
      return LayerRun.FAILED;
    }
    cli.setOut(new java.io.PrintWriter(context.out(), true));
    cli.setErr(new java.io.PrintWriter(context.err(), true));
    cli.setParameterExceptionHandler((ex, given) -> {
      context.err().println("prodi: error: Cannot parse the command line: " + ex.getMessage()
          + suggestions(ex));
      context.err().println("Try '" + ex.getCommandLine().getCommandName() + " --help' for the options.");
      return LayerRun.INVALID;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean verbose = java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v");
      if (ex instanceof ConfigException) {
        ((ConfigException) ex).problems().forEach(p -> context.err().println("prodi: error: " + p.line()));
        return LayerRun.INVALID;
      }
      String message = ex instanceof RunFailure ? ex.getMessage() : "Cannot run: " + RunFailure.firstLine(ex);
      context.err().println("prodi: error: " + io.prodi.env.SecretMasker.none().mask(message));
      if (verbose) {
        ex.printStackTrace(context.err());
      }
      return LayerRun.FAILED;
    });
    return cli.execute(EnvArguments.normalize(args));
  }

  private static String suggestions(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException) {
      java.util.List<String> close = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
      if (!close.isEmpty()) {
        return " (did you mean " + String.join(" or ", close.subList(0, Math.min(3, close.size()))) + "?)";
      }
    }
    return "";
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return LayerRun.INVALID;
  }

  /** The version, the platform target and the commit the jar was built from. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return io.prodi.run.BuildTarget.versionLines().toArray(new String[0]);
    }
  }
}
