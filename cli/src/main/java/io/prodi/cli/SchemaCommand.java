package io.prodi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.config.schema.ConfigReference;
import io.prodi.config.schema.ConfigSchema;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code schema [--kind K] [--reference]}: the JSON Schema of a kind of config file, for editors
 * (the YAML language server), or the Markdown configuration reference; both from the validator's model.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of a kind of config file (layer, pipeline, dataset, environment, test), "
        + "or with --reference the configuration reference in Markdown.")
public final class SchemaCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "layer",
      description = "layer (default), pipeline, dataset, environment or test.")
  String kind;

  @Option(names = "--reference", description = "Print the configuration reference (Markdown) instead.")
  boolean reference;

  private final CliContext context;

  SchemaCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    if (reference) {
      context.out().print(ConfigReference.markdown());
      return 0;
    }
    if (!ConfigSchema.KINDS.containsKey(kind)) {
      throw new ParameterException(spec.commandLine(), "Cannot print a schema: unknown kind (" + kind + "); valid: "
          + String.join(", ", new TreeSet<>(ConfigSchema.KINDS.keySet())));
    }
    context.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ConfigSchema.of(kind)));
    return 0;
  }
}
