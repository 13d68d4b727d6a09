package io.prodi.cli;

import io.prodi.config.Layer;
import io.prodi.run.LayerRun;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run-layer LAYER -c CFG}, and the whole of a layer main class (where the layer is fixed). */
@Command(name = "run-layer", mixinStandardHelpOptions = true, description = "Run one layer.")
public final class RunLayerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Parameters(arity = "0..1", paramLabel = "LAYER", description = "raw, bronze, silver or gold (or --layer).")
  String layerArgument;

  private final CliContext context;
  private final Layer fixedLayer;

  RunLayerCommand(CliContext context, Layer fixedLayer) {
    this.context = context;
    this.fixedLayer = fixedLayer;
  }

  @Override
  public Integer call() {
    Optional<Layer> layer = layer();
    return new LayerRun(options.console(context), context.engine())
        .execute(options.request(context, options.singleConfig(), layer));
  }

  private Optional<Layer> layer() {
    Optional<Layer> positional = options.parseLayer(layerArgument, "LAYER");
    Optional<Layer> option = options.layerOption();
    Optional<Layer> fixed = Optional.ofNullable(fixedLayer);
    for (Optional<Layer> other : java.util.List.of(positional, option)) {
      if (fixed.isPresent() && other.isPresent() && other.get() != fixed.get()) {
        throw new ParameterException(spec.commandLine(), "Cannot run layer " + other.get().id() + " with "
            + fixed.get().mainClass() + ": it runs the " + fixed.get().id() + " layer (" + other.get().id() + ")");
      }
    }
    if (positional.isPresent() && option.isPresent() && positional.get() != option.get()) {
      throw new ParameterException(spec.commandLine(), "Cannot run two layers: LAYER says " + positional.get().id()
          + " and --layer says " + option.get().id() + " (" + layerArgument + ", " + options.layer + ")");
    }
    return fixed.or(() -> positional).or(() -> option);
  }
}
