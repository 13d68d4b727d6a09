package io.prodi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.config.LayerConfig;
import io.prodi.config.load.LoadedLayer;
import io.prodi.run.EventRecord;
import io.prodi.run.LayerRun;
import io.prodi.run.RunContext;
import io.prodi.run.RunRequest;
import io.prodi.run.RunSummary;
import io.prodi.run.StateIds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code prodi history -c CFG [--last N] [--json] [--plot FILE]}: the layer's last runs from the event log, as a
 * table (status, duration, rows in and out, failed expectations, watermark) with a chart of rows written per run.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Print a layer's last runs from the event log, with a chart of rows written per run.")
public final class HistoryCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Option(names = "--last", paramLabel = "N", defaultValue = "10", description = "How many runs, newest first "
      + "(default 10).")
  int last;

  @Option(names = "--json", description = "Print the runs as one JSON array, newest first, with every column.")
  boolean json;

  @Option(names = "--plot", paramLabel = "FILE", description = "Also draw rows written per run as a PNG chart.")
  Path plot;

  private final CliContext context;

  HistoryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (last < 1) {
      throw new ParameterException(spec.commandLine(), "Cannot show the history: --last must be 1 or more (" + last + ")");
    }
    RunRequest request = options.request(context, options.singleConfig(), options.layerOption());
    LoadedLayer loaded = LayerRun.load(request, "history");
    LayerConfig config = loaded.config();
    String uri = EventRecord.uri(config);
    RunContext run = new RunContext(loaded, request.env(), "history", options.console(context),
        new RunSummary(config.layer().id(), "history", config.uri(), request.start()));
    List<JsonNode> runs = context.engine().history(run, uri, last);
    String job = StateIds.dataset(config) + "." + config.layer().id();
    if (json) {
      context.out().println(JSON.writeValueAsString(runs));
    } else if (runs.isEmpty()) {
      context.out().println("No runs of " + job + " in the event log yet (" + uri + ")");
    } else {
      context.out().println("Last " + runs.size() + " runs of " + job + " (" + uri + "), newest first:");
      HistoryText.table(runs).forEach(context.out()::println);
      context.out().println();
      HistoryText.chart(runs).forEach(context.out()::println);
    }
    if (plot != null && !runs.isEmpty()) {
      HistoryPlot.write(runs, job, plot);
      context.err().println("prodi: wrote " + plot);
    }
    return LayerRun.OK;
  }
}
