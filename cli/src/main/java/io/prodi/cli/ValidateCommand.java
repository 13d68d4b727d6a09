package io.prodi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.config.EnvironmentConfig;
import io.prodi.config.load.DatasetConfig;
import io.prodi.config.load.LoadedLayer;
import io.prodi.config.load.PipelineFile;
import io.prodi.config.load.RunVariables;
import io.prodi.config.load.TemplateRenderer;
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
    description = "Check configs without starting Spark; print '[<layer>] <cfg> is valid' per file.")
public final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Parameters(paramLabel = "CFG", description = "More configs to check.")
  List<String> files = new ArrayList<>();

  private final CliContext context;

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
    int code = LayerRun.OK;
    for (String file : all) {
      if (!validate(console, options.request(context, file, options.layerOption()))) {
        code = LayerRun.INVALID;
      }
    }
    return code;
  }

  private boolean validate(Console console, RunRequest request) {
    try {
      JsonNode tree = peek(request);
      if (PipelineFile.looksLikePipeline(tree)) {
        return validatePipeline(console, request);
      }
      if (tree != null && tree.isObject() && tree.has("layers") && !tree.has("layer")) {
        return validateStandalone(console, request, "dataset", node -> DatasetConfig.bind(node));
      }
      if (tree != null && tree.isObject() && !tree.has("layer") && !tree.has("io") && !tree.has("extends")
          && (tree.has("timezone") || tree.has("storage"))) {
        return validateStandalone(console, request, "environment",
            node -> EnvironmentConfig.bind(request.configUri(), node));
      }
      LoadedLayer loaded = LayerRun.load(request, "validate");
      loaded.problems().forEach(p -> console.problem(p, false));
      console.result("[" + loaded.config().layer().id() + "] " + request.configUri() + " is valid");
      return true;
    } catch (ConfigException e) {
      e.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
      return false;
    }
  }

  /** The file's tree, rendered with the run's variables, only to tell which kind of file it is. */
  private JsonNode peek(RunRequest request) {
    Findings ignored = new Findings(request.configUri());
    String text = request.files().read(request.configUri());
    Map<String, String> vars = RunVariables.of(request.start(), "validate", request.vars());
    return YamlTree.parse(TemplateRenderer.render(text, vars, ignored), ignored);
  }

  private boolean validatePipeline(Console console, RunRequest request) {
    Map<String, String> vars = RunVariables.of(request.start(), "validate", request.vars());
    List<PipelineFile.Step> steps = PipelineFile.read(request.files(), request.configUri(), vars, request.baseDir());
    boolean valid = true;
    for (PipelineFile.Step step : steps) {
      Map<String, String> stepVars = new java.util.HashMap<>(request.vars());
      stepVars.putAll(step.vars());
      valid &= validate(console, request.forStep(step.config(), Optional.of(step.layer()), stepVars));
    }
    if (valid) {
      console.result("[pipeline] " + request.configUri() + " is valid (" + steps.size() + " steps)");
    }
    return valid;
  }

  private boolean validateStandalone(Console console, RunRequest request, String kind,
      java.util.function.Consumer<ConfigNode> binder) {
    Findings findings = new Findings(request.configUri());
    String text = request.files().read(request.configUri());
    Map<String, String> vars = RunVariables.of(request.start(), "validate", request.vars());
    JsonNode tree = YamlTree.parse(TemplateRenderer.render(text, vars, findings), findings);
    if (tree != null) {
      binder.accept(ConfigNode.root(tree, findings));
    }
    findings.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
    if (findings.hasErrors()) {
      return false;
    }
    console.result("[" + kind + "] " + request.configUri() + " is valid");
    return true;
  }
}
