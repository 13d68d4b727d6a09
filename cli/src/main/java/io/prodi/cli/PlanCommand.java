package io.prodi.cli;

import io.prodi.config.load.ConfigFileKind;
import io.prodi.config.load.LoadedLayer;
import io.prodi.config.load.PipelineFile;
import io.prodi.config.load.RunVariables;
import io.prodi.run.Console;
import io.prodi.run.LayerRun;
import io.prodi.run.PipelineGraph;
import io.prodi.run.Plan;
import io.prodi.run.PlanJson;
import io.prodi.run.RunContext;
import io.prodi.run.RunRequest;
import io.prodi.run.RunSummary;
import io.prodi.run.StepNode;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code plan -c CFG} or {@code plan -p PIPELINE [--format json]}: what a run would read, transform, check and
 * write; no Spark, nothing written.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Print what a run would read, transform, check and write.")
public final class PlanCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Option(names = "--analyze", description = "Also start Spark and resolve the SQL against the sources' schemas.")
  boolean analyze;

  @Option(names = {"-p", "--pipeline"}, paramLabel = "URI", description = "A pipeline file (instead of -c).")
  String pipeline;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), or json: the steps as a graph for orchestrators (docs/schema/plan.json).")
  String format;

  private final CliContext context;

  PlanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Console console = options.console(context);
    Output output = Output.of(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "Cannot use format '" + format + "' in --format: unknown format (valid: text, json)"));
    if (pipeline != null && !options.configs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Cannot plan: give -p/--pipeline or -c/--config, not both ("
          + pipeline + ", " + String.join(", ", options.configs) + ")");
    }
    boolean json = output == Output.JSON;
    if (json && analyze) {
      throw new ParameterException(spec.commandLine(), "Cannot plan: --analyze prints text only (--format json)");
    }
    String file = pipeline != null ? pipeline : options.singleConfig();
    RunRequest request = options.request(context, file, options.layerOption());
    Map<String, String> vars = RunVariables.of(request.start(), "plan", request.vars());
    try {
      boolean isPipeline = ConfigFileKind.ofFile(request.files(), request.configUri(), vars) == ConfigFileKind.PIPELINE;
      if (json) {
        return planJson(console, request, vars, isPipeline);
      }
      if (isPipeline) {
        return planPipeline(console, request, vars);
      }
      return plan(console, request);
    } catch (ConfigException e) {
      e.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
      return LayerRun.INVALID;
    }
  }

  /** A pipeline: the plan of each step, in file order, with the steps it waits for. */
  private int planPipeline(Console console, RunRequest request, Map<String, String> vars) {
    PipelineGraph graph = graph(console, request, vars, true);
    console.result("[pipeline] " + request.configUri() + " (" + graph.steps().size() + " steps)");
    for (StepNode step : graph.steps()) {
      Map<String, String> stepVars = new HashMap<>(request.vars());
      stepVars.putAll(step.step().vars());
      plan(console, request.forStep(step.step().config(), Optional.of(step.step().layer()), stepVars), step.loaded());
      step.dependencies().forEach(d -> console.result("  after   " + d.step() + " (" + d.kind().description()
          + (d.address().isEmpty() ? "" : ": " + d.address()) + ")"));
    }
    return LayerRun.OK;
  }

  /** The steps as a graph for orchestrators. */
  private int planJson(Console console, RunRequest request, Map<String, String> vars, boolean isPipeline) {
    PipelineGraph graph = graph(console, request, vars, isPipeline);
    console.result(PlanJson.of(request.configUri(), graph, request.vars()));
    return LayerRun.OK;
  }

  /** Every step's config loaded before anything is printed; all their problems at once. */
  private PipelineGraph graph(Console console, RunRequest request, Map<String, String> vars, boolean isPipeline) {
    if (!isPipeline) {
      LoadedLayer alone = LayerRun.load(request, "plan");
      alone.problems().forEach(p -> console.problem(p, false));
      return PipelineGraph.of(request.configUri(),
          List.of(PipelineFile.Step.alone(alone.config().layer(), request.configUri())), List.of(alone));
    }
    List<PipelineFile.Step> steps = PipelineFile.read(request.files(), request.configUri(), vars, request.baseDir());
    List<LoadedLayer> loaded = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (PipelineFile.Step step : steps) {
      Map<String, String> stepVars = new HashMap<>(request.vars());
      stepVars.putAll(step.vars());
      try {
        loaded.add(LayerRun.load(request.forStep(step.config(), Optional.of(step.layer()), stepVars), "plan"));
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    loaded.forEach(l -> l.problems().forEach(p -> console.problem(p, false)));
    return PipelineGraph.of(request.configUri(), steps, loaded);
  }

  private int plan(Console console, RunRequest request) {
    LoadedLayer loaded = LayerRun.load(request, "plan");
    loaded.problems().forEach(p -> console.problem(p, false));
    plan(console, request, loaded);
    return LayerRun.OK;
  }

  private void plan(Console console, RunRequest request, LoadedLayer loaded) {
    Plan.lines(loaded.config(), false).forEach(console::result);
    if (analyze) {
      String schema = context.engine().analyze(new RunContext(loaded, request.env(), "plan", console,
          new RunSummary(loaded.config().layer().id(), "plan", loaded.config().uri(), request.start())));
      console.result("[" + loaded.config().layer().id() + "] analyzed: the SQL resolves; output schema:");
      console.result(schema.stripTrailing());
    }
  }

  /** What {@code --format} prints: the plan as text, or the pipeline graph as JSON. */
  private enum Output {
    TEXT, JSON;

    static java.util.Optional<Output> of(String name) {
      return java.util.Arrays.stream(values()).filter(o -> o.name().toLowerCase(java.util.Locale.ROOT).equals(name))
          .findFirst();
    }
  }
}
