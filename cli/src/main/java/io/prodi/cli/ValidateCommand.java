package io.prodi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.EnvironmentConfig;
import io.prodi.config.load.ConfigFileKind;
import io.prodi.config.load.DatasetConfig;
import io.prodi.config.load.LoadedLayer;
import io.prodi.config.load.PipelineFile;
import io.prodi.config.load.RunVariables;
import io.prodi.config.load.TemplateRenderer;
import io.prodi.configtest.ConfigTest;
import io.prodi.run.Console;
import io.prodi.run.LayerRun;
import io.prodi.run.RunRequest;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate -c CFG ...}: checks layer configs, pipeline files (with every step's config),
 * dataset and environment configs without starting a SparkSession. Missing credential variables
 * are warnings here, so CI can check production configs without production secrets.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check configs (layer, pipeline, dataset, environment, config test; files or folders) without "
        + "starting Spark; print '[<kind>] <cfg> is valid' per file.")
public final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Parameters(paramLabel = "CFG", description = "More configs to check: files, or folders searched for *.yml at any "
      + "depth.")
  List<String> files = new ArrayList<>();

  private final CliContext context;
  private final WarningsOnce warnings = new WarningsOnce();

  ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> all = new ArrayList<>(options.configs);
    all.addAll(files);
    if (all.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Cannot validate: name at least one config with -c (missing)");
    }
    Console console = options.console(context);
    Map<String, String> vars = RunVariables.of(java.time.Instant.now(), "validate", options.varsMap());
    int code = LayerRun.OK;
    for (ConfigFileSet.Entry entry : ConfigFileSet.of(context.files(), all, vars)) {
      if (!validate(console, entry, options.request(context, entry.uri, options.layerOption()))) {
        code = LayerRun.INVALID;
      }
    }
    warnings.print(console);
    return code;
  }

  private boolean validate(Console console, ConfigFileSet.Entry entry, RunRequest request) {
    if (entry.isBase()) {
      console.result("[base] " + entry.uri + " is checked through the files that extend it (" + entry.extendedBy
          + ")");
      return true;
    }
    try {
      switch (entry.kind) {
        case PIPELINE:
          return validatePipeline(console, request);
        case DATASET:
          return validateStandalone(console, request, entry.kind, node -> DatasetConfig.bind(node));
        case ENVIRONMENT:
          return validateStandalone(console, request, entry.kind,
              node -> EnvironmentConfig.bind(request.configUri(), node));
        case CONFIG_TEST:
          ConfigTest.read(request.files(), request.configUri());
          console.result("[test] " + request.configUri() + " is valid");
          return true;
        default:
          return validateLayer(console, request);
      }
    } catch (ConfigException e) {
      e.problems().forEach(p -> report(console, p));
      return false;
    }
  }

  /** An error at once; a warning once for the whole command, with every place it was found. */
  private void report(Console console, ConfigProblem problem) {
    if (problem.severity() == ConfigProblem.Severity.ERROR) {
      console.problem(problem, true);
    } else {
      warnings.add(problem);
    }
  }

  private boolean validateLayer(Console console, RunRequest request) {
    validLayer(console, request);
    return true;
  }

  private LoadedLayer validLayer(Console console, RunRequest request) {
    LoadedLayer loaded = LayerRun.load(request, "validate");
    loaded.problems().forEach(warnings::add);
    console.result("[" + loaded.config().layer().id() + "] " + request.configUri() + " is valid");
    return loaded;
  }

  private boolean validatePipeline(Console console, RunRequest request) {
    Map<String, String> vars = RunVariables.of(request.start(), "validate", request.vars());
    List<PipelineFile.Step> steps = PipelineFile.read(request.files(), request.configUri(), vars, request.baseDir());
    boolean valid = true;
    List<LoadedLayer> loaded = new java.util.ArrayList<>();
    for (PipelineFile.Step step : steps) {
      Map<String, String> stepVars = new java.util.HashMap<>(request.vars());
      stepVars.putAll(step.vars());
      try {
        loaded.add(validLayer(console, request.forStep(step.config(), Optional.of(step.layer()), stepVars)));
      } catch (ConfigException e) {
        e.problems().forEach(p -> report(console, p));
        valid = false;
      }
    }
    if (valid) {
      io.prodi.run.PipelineGraph.of(request.configUri(), steps, loaded); // a cycle of after: is an error
    }
    if (valid) {
      console.result("[pipeline] " + request.configUri() + " is valid (" + steps.size() + " steps)");
    }
    return valid;
  }

  private boolean validateStandalone(Console console, RunRequest request, ConfigFileKind kind,
      java.util.function.Consumer<ConfigNode> binder) {
    Findings findings = new Findings(request.configUri());
    String text = request.files().read(request.configUri());
    Map<String, String> vars = RunVariables.of(request.start(), "validate", request.vars());
    JsonNode tree = YamlTree.parse(TemplateRenderer.render(text, vars, findings), findings);
    if (tree != null) {
      binder.accept(ConfigNode.root(tree, findings));
    }
    findings.problems().forEach(p -> report(console, p));
    if (findings.hasErrors()) {
      return false;
    }
    console.result("[" + kind.id() + "] " + request.configUri() + " is valid");
    return true;
  }
}
