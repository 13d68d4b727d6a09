package io.prodi.cli;

import io.prodi.run.PipelineRun;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code run-pipeline -p PIPELINE [--parallel N]}: the steps of a pipeline file in one JVM. */
@Command(name = "run-pipeline", mixinStandardHelpOptions = true, description = "Run the steps of a pipeline file.")
public final class RunPipelineCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Option(names = {"-p", "--pipeline"}, paramLabel = "URI", description = "The pipeline file.")
  String pipeline;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
      description = "Run up to N steps at once, each when the steps it depends on have succeeded (default 1: "
          + "one after another, in file order).")
  int parallel;

  private final CliContext context;

  RunPipelineCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String file = pipeline != null ? pipeline : options.configs.size() == 1 ? options.configs.get(0) : null;
    if (file == null) {
      throw new ParameterException(spec.commandLine(), "Cannot run a pipeline: -p/--pipeline is required (missing)");
    }
    if (parallel < 1) {
      throw new ParameterException(spec.commandLine(),
          "Cannot run a pipeline: --parallel must be at least 1 (" + parallel + ")");
    }
    return new PipelineRun(options.console(context), context.engine())
        .execute(options.request(context, file, Optional.empty()), parallel);
  }
}
