package io.prodi.config.load;

import io.prodi.config.LayerConfig;
import io.prodi.yaml.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Iceberg tables must be named {@code catalog.namespace.table} in a catalog the config (or its dataset or
 * environment config) declares under {@code catalogs:}: anything else is an error at the table's YAML path.
 */
final class IcebergTables {
  private IcebergTables() {}

  static List<ConfigProblem> of(LayerConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    Set<String> catalogs = config.catalogs().keySet();
    int sources = config.sources().size();
    for (int i = 0; i < sources; i++) {
      io.prodi.source.SourceSpec source = config.sources().get(i);
      check(config, iceberg(source.tableFormat(), source.catalogTable()), sources == 1 ? "io.source" : "io.source[" + i + "]",
          catalogs, problems);
    }
    int sinks = config.sinks().size();
    for (int i = 0; i < sinks; i++) {
      io.prodi.sink.SinkSpec sink = config.sinks().get(i);
      check(config, iceberg(sink.tableFormat(), sink.catalogTable()), sinks == 1 ? "io.sink" : "io.sink[" + i + "]", catalogs,
          problems);
    }
    return problems;
  }

  /** The table, when it is an Iceberg table. */
  private static Optional<String> iceberg(Optional<io.prodi.storage.TableFormat> format, Optional<String> table) {
    return format.filter(f -> f == io.prodi.storage.TableFormat.ICEBERG).flatMap(f -> table);
  }

  private static void check(LayerConfig config, Optional<String> table, String path, Set<String> catalogs,
      List<ConfigProblem> problems) {
    if (table.isEmpty()) {
      return;
    }
    String name = table.get();
    String[] parts = name.split("\\.");
    String why = null;
    if (parts.length < 3) {
      why = "name it catalog.namespace.table, with a catalog declared under catalogs";
    } else if (!catalogs.contains(parts[0])) {
      why = "catalog '" + parts[0] + "' is not declared under catalogs (declared: "
          + (catalogs.isEmpty() ? "none" : String.join(", ", catalogs)) + ")";
    }
    if (why != null) {
      problems.add(new ConfigProblem(config.uri(), path + ".table", "Cannot use Iceberg table " + name + ": " + why
          + " (" + name + ")", ConfigProblem.Severity.ERROR));
    }
  }
}
