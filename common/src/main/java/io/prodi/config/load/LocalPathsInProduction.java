package io.prodi.config.load;

import io.prodi.config.LayerConfig;
import io.prodi.sink.SinkSpec;
import io.prodi.sink.StoredData;
import io.prodi.yaml.ConfigFiles;
import io.prodi.yaml.ConfigProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A production config ({@code environment: production} or {@code prod}) that writes to a local path: on a
 * cluster that is the disk of whichever machine the driver or an executor runs on, lost with the cluster.
 * Each such place (sink, quarantine, report, state store) is a warning at its YAML path.
 */
final class LocalPathsInProduction {
  private LocalPathsInProduction() {}

  static List<ConfigProblem> of(LayerConfig config) {
    List<ConfigProblem> warnings = new ArrayList<>();
    boolean production = config.environment().map(e -> e.toLowerCase(Locale.ROOT).startsWith("prod")).orElse(false);
    if (!production) {
      return warnings;
    }
    List<SinkSpec> sinks = config.sinks();
    for (int i = 0; i < sinks.size(); i++) {
      String path = sinks.size() == 1 ? "io.sink" : "io.sink[" + i + "]";
      written(sinks.get(i), config).ifPresent(local -> warnings.add(warning(config, path, "a sink", local)));
    }
    config.dq().quarantine().flatMap(q -> written(q, config))
        .ifPresent(local -> warnings.add(warning(config, "dq.quarantine", "the quarantine", local)));
    config.dq().reportPath().map(p -> ConfigFiles.resolveAgainst(config.baseDir(), p)).filter(LocalPathsInProduction::isLocal)
        .ifPresent(local -> warnings.add(warning(config, "dq.report.path", "the data-quality report", local)));
    boolean incremental = config.sources().stream().anyMatch(s -> s.watermark().isPresent());
    String state = ConfigFiles.resolveAgainst(config.baseDir(), config.stateUri().orElse("data/_state/"));
    if (incremental && isLocal(state)) {
      warnings.add(warning(config, "state.uri", "the watermark state store", state));
    }
    return warnings;
  }

  private static Optional<String> written(SinkSpec sink, LayerConfig config) {
    return sink.storedData(config.locationStorage(), config.baseDir()).filter(d -> !d.isTable())
        .map(StoredData::location).filter(LocalPathsInProduction::isLocal);
  }

  static boolean isLocal(String location) {
    try {
      String scheme = new URI(location.replace(" ", "%20")).getScheme();
      return scheme == null || scheme.length() == 1 || scheme.equals("file");
    } catch (java.net.URISyntaxException e) {
      return !location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*");
    }
  }

  private static ConfigProblem warning(LayerConfig config, String path, String what, String location) {
    return new ConfigProblem(config.uri(), path, "Cannot keep " + what + " of a production config on a local disk: "
        + "on a cluster it is the disk of one machine, lost with the cluster; write to object storage (" + location
        + ")", ConfigProblem.Severity.WARNING);
  }
}
