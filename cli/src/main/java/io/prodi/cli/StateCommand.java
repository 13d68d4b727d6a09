package io.prodi.cli;

import io.prodi.config.LayerConfig;
import io.prodi.config.load.LoadedLayer;
import io.prodi.engine.HadoopStorageKeys;
import io.prodi.guard.DryRunGuard;
import io.prodi.run.Console;
import io.prodi.run.LayerRun;
import io.prodi.run.RunRequest;
import io.prodi.run.StateIds;
import io.prodi.state.StateStore;
import io.prodi.state.WatermarkState;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prodi state show|set|reset|unlock --state-id ID -c CFG}: inspect or repair a watermark in the
 * state store the config uses; {@code prodi state list -c CFG} shows the state id of each incremental
 * source, and the id of the older form (without the layer) where something is still stored under it. {@code set}, {@code reset} and {@code unlock} respect the dry-run guard.
 */
@Command(name = "state", mixinStandardHelpOptions = true,
    description = "List, show, set, reset or unlock a watermark of the config's state store.")
public final class StateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Parameters(index = "0", paramLabel = "ACTION", description = "list, show, set, reset or unlock")
  String action;

  @Option(names = "--state-id", paramLabel = "ID", description = "The watermark's state id (all but list).")
  String stateId;

  @Option(names = "--value", paramLabel = "VALUE", description = "The new value, for set.")
  String value;

  private final CliContext context;

  StateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!java.util.List.of("list", "show", "set", "reset", "unlock").contains(action)) {
      throw new ParameterException(spec.commandLine(), "Cannot " + action + " state: unknown action (valid: list, "
          + "show, set, reset, unlock)");
    }
    if (!action.equals("list") && stateId == null) {
      throw new ParameterException(spec.commandLine(), "Cannot " + action + " state: --state-id is required "
          + "(missing)");
    }
    if (action.equals("set") && value == null) {
      throw new ParameterException(spec.commandLine(), "Cannot set state: --value is required (missing)");
    }
    Console console = options.console(context);
    RunRequest request = options.request(context, options.singleConfig(), options.layerOption());
    LoadedLayer loaded;
    try {
      loaded = LayerRun.load(request, "state");
    } catch (ConfigException e) {
      e.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
      return LayerRun.INVALID;
    }
    LayerConfig config = loaded.config();
    StateStore store = new StateStore(StateIds.stateUri(config), storeConf(config, request));
    if (action.equals("list")) {
      list(config, store, console);
      return LayerRun.OK;
    }
    java.util.Optional<WatermarkState> current = store.read(stateId);
    if (action.equals("show")) {
      console.result(current.map(WatermarkState::toString).orElse("{\"state_id\":\"" + stateId
          + "\",\"value\":null} (nothing stored: the next run starts from the source's default)"));
      return LayerRun.OK;
    }
    DryRunGuard.Decision decision = DryRunGuard.decide(config.layer().id(), config.dryRun(), request.dryRunFlag(),
        request.env());
    decision.forcingMessage().ifPresent(console::result);
    if (decision.dryRun()) {
      console.result("[" + config.layer().id() + "] dry run: would " + action + " " + stateId
          + (value == null ? "" : " to " + value) + " in " + StateIds.stateUri(config));
      return LayerRun.OK;
    }
    switch (action) {
      case "set":
        console.result(store.commit(stateId, value, current.map(WatermarkState::field).orElse(null), "manual",
            store.generation(stateId)).toString());
        break;
      case "reset":
        store.reset(stateId);
        console.result("[" + config.layer().id() + "] reset " + stateId + ": the next run starts from the default");
        break;
      default:
        store.release(stateId);
        console.result("[" + config.layer().id() + "] unlocked " + stateId);
        break;
    }
    return LayerRun.OK;
  }

  private static void list(LayerConfig config, StateStore store, Console console) {
    for (io.prodi.source.SourceSpec source : config.sources()) {
      source.watermark().ifPresent(w -> {
        String id = StateIds.of(config, source, w);
        console.result(store.read(id).map(WatermarkState::toString)
            .orElse("{\"state_id\":\"" + id + "\",\"value\":null}"));
        StateIds.legacy(config, source, w).ifPresent(old -> store.read(old).ifPresent(state ->
            console.result(state + " (the id before it named the layer; a run copies it to " + id
                + " when that has nothing stored)")));
      });
    }
  }

  /** The cluster's Hadoop settings plus the storage keys of the config, as a run of it has them. */
  private static org.apache.hadoop.conf.Configuration storeConf(LayerConfig config, RunRequest request) {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(request.files().hadoopConf());
    HadoopStorageKeys.of(config.environmentConfig().storage(), request.env()).forEach(conf::set);
    HadoopStorageKeys.of(config.storage(), request.env()).forEach(conf::set);
    return conf;
  }
}
