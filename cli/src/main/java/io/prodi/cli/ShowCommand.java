package io.prodi.cli;

import io.prodi.config.LayerConfig;
import io.prodi.config.load.LoadedLayer;
import io.prodi.run.Console;
import io.prodi.run.LayerRun;
import io.prodi.run.RunContext;
import io.prodi.run.RunRequest;
import io.prodi.run.RunSummary;
import io.prodi.run.ShowQuery;
import io.prodi.run.ShownRows;
import io.prodi.sink.SinkSpec;
import io.prodi.sink.StoredData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prodi show -c CFG [--sink NAME]} or {@code prodi show PATH [--format F]}: the first rows of what a sink
 * wrote, or of any files, Delta table or catalog table, as an aligned table with the row count and schema,
 * or as JSON with {@code --json}. Reads only; writes nothing.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print the first rows of a config's sink, or of files, a Delta table or a catalog table, "
        + "with the row count and schema.")
public final class ShowCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Parameters(arity = "0..1", paramLabel = "PATH", description = "Files or a Delta table (any Hadoop URI), or a "
      + "table name with --format table; instead of -c.")
  String path;

  @Option(names = "--format", paramLabel = "FORMAT", description = "With PATH: parquet, delta, csv, json, orc, avro, "
      + "text or table (default: delta when PATH has a _delta_log, else from the file extension, else parquet).")
  String format;

  @Option(names = "--sink", paramLabel = "NAME", description = "With -c: the sink to show, by name or position "
      + "(default: the first).")
  String sink;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many rows (default 20).")
  int limit;

  @Option(names = "--where", paramLabel = "SQL", description = "A SQL condition the rows must meet.")
  String where;

  @Option(names = "--json", description = "Print one JSON object: source, rows, schema and the rows shown.")
  boolean json;

  private final CliContext context;

  ShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "Cannot show rows: --limit must be 0 or more (" + limit + ")");
    }
    if ((path == null) == options.configs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Cannot show rows: give either -c CONFIG or a PATH ("
          + (path == null ? "neither" : "both") + ")");
    }
    Console console = options.console(context);
    ShownRows shown;
    try {
      shown = path != null ? showPath() : showSink(console);
    } catch (IllegalArgumentException e) { // the --where condition does not resolve
      context.err().println("prodi: error: --where: " + e.getMessage());
      return LayerRun.INVALID;
    }
    List<String> lines = json ? List.of(ShownText.json(shown)) : ShownText.table(shown);
    lines.forEach(context.out()::println);
    return LayerRun.OK;
  }

  private ShownRows showPath() {
    if (sink != null) {
      throw new ParameterException(spec.commandLine(), "Cannot show rows: --sink goes with -c, not a PATH (" + sink + ")");
    }
    String chosen = format != null ? format : ShownText.guessFormat(context.files(), path);
    return context.engine().show(new ShowQuery(new StoredData(chosen, path, Map.of()), Optional.ofNullable(where), limit),
        Optional.empty());
  }

  private ShownRows showSink(Console console) {
    if (format != null) {
      throw new ParameterException(spec.commandLine(), "Cannot show rows: --format goes with a PATH; a sink has its "
          + "own (" + format + ")");
    }
    RunRequest request = options.request(context, options.singleConfig(), options.layerOption());
    LoadedLayer loaded = LayerRun.load(request, "show");
    LayerConfig config = loaded.config();
    SinkSpec chosen = chosenSink(config);
    StoredData data = chosen.storedData(config.locationStorage(), config.baseDir()).orElseThrow(() ->
        new ParameterException(spec.commandLine(), "Cannot show the " + chosen.type() + " sink: prodi reads back "
            + "files, Delta and catalog tables; query it with its own client (" + chosen.location(
                config.locationStorage(), config.baseDir()) + ")"));
    RunContext run = new RunContext(loaded, request.env(), "show", console,
        new RunSummary(config.layer().id(), "show", config.uri(), request.start()));
    return context.engine().show(new ShowQuery(data, Optional.ofNullable(where), limit), Optional.of(run));
  }

  private SinkSpec chosenSink(LayerConfig config) {
    List<SinkSpec> sinks = config.sinks();
    if (sink == null) {
      return sinks.get(0);
    }
    for (int i = 0; i < sinks.size(); i++) {
      if (sinks.get(i).name().map(sink::equals).orElse(false) || String.valueOf(i + 1).equals(sink)) {
        return sinks.get(i);
      }
    }
    throw new ParameterException(spec.commandLine(), "Cannot show sink " + sink + ": the config has no such sink "
        + "(sinks: " + sinks.stream().map(s -> s.name().orElse(s.type())).collect(Collectors.joining(", ")) + ")");
  }
}
