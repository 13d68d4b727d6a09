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
    description = "Print the JSON Schema of a kind of config file (layer, pipeline, dataset, environment, test) or of "
        + "`plan --format json` (plan), or with --reference the configuration reference in Markdown.")
public final class SchemaCommand implements Callable<Integer> {
  /** The kind whose schema is of prodi's output, not of a config file: docs/schema/plan.json, as written. */
  private static final String PLAN = "plan";

  @Spec
  CommandSpec spec;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "layer",
      description = "layer (default), pipeline, dataset, environment, test, or plan (the output of plan --format json).")
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
    if (kind.equals(PLAN)) {
      try (java.io.InputStream plan = SchemaCommand.class.getResourceAsStream("plan.json")) {
        context.out().print(new String(plan.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return 0;
    }
    if (!ConfigSchema.KINDS.containsKey(kind)) {
      TreeSet<String> valid = new TreeSet<>(ConfigSchema.KINDS.keySet());
      valid.add(PLAN);
      throw new ParameterException(spec.commandLine(), "Cannot print a schema: unknown kind (" + kind + "); valid: "
          + String.join(", ", valid));
    }
    context.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ConfigSchema.of(kind)));
    return 0;
  }
}
