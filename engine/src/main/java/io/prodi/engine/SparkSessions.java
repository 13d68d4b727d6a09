package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.sink.SinkSpec;
import io.prodi.engine.format.FormatIO;
import io.prodi.engine.format.FormatIOs;
import io.prodi.storage.TableFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a process from the configs it will run. Only main classes call this
 * (through {@link SparkLayerEngine}'s factory); everything else receives a session.
 */
public final class SparkSessions {
  static final String DELTA_EXTENSION = FormatIOs.of(TableFormat.DELTA).sessionExtension().orElseThrow();
  static final String ICEBERG_EXTENSION = FormatIOs.of(TableFormat.ICEBERG).sessionExtension().orElseThrow();
  static final String DELTA_CATALOG = FormatIOs.of(TableFormat.DELTA).sessionSettings()
      .get("spark.sql.catalog.spark_catalog");
  private static final String SCHEDULER_MODE = "spark.scheduler.mode";

  private SparkSessions() {}

  /**
   * The process's session, set up for {@code configs}: the first one's app name and options, FAIR scheduling (unless spark-submit set a mode), and what each table format the configs
   * use asks of a session ({@link FormatIO#sessionExtension()}, {@link FormatIO#sessionSettings()}) when its runtime
   * is on the class path: Delta always, for the event log; Iceberg's SQL extensions when a config uses an Iceberg
   * table. These are static: they must be set when the session starts, so a pipeline passes all of its steps;
   * extensions given to spark-submit are kept, after prodi's.
   */
  public static SparkSession getOrCreate(List<LayerConfig> configs) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(configs.isEmpty() ? "prodi_show" : configs.get(0).compute().appName()
            .orElse("prodi_" + configs.get(0).layer().id()));
    settings(configs, submittedConf(), SparkSessions::onClassPath).forEach(builder::config);
    return builder.getOrCreate();
  }

  /**
   * The static settings a session for {@code configs} starts with, given what was {@code submitted} and which
   * classes are on the class path. With no config ({@code prodi show PATH}) only Delta's extension, when present.
   */
  static Map<String, String> settings(List<LayerConfig> configs, Map<String, String> submitted,
      java.util.function.Predicate<String> onClassPath) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    java.util.Set<String> extensions = new java.util.LinkedHashSet<>();
    java.util.Map<String, String> formatSettings = new java.util.LinkedHashMap<>();
    for (TableFormat format : formatsOf(configs)) { // what each format the configs use asks of the session
      FormatIO io = FormatIOs.of(format);
      io.sessionExtension().filter(onClassPath).ifPresent(extension -> {
        extensions.add(extension);
        formatSettings.putAll(io.sessionSettings());
      });
    }
    if (configs.isEmpty()) { // prodi show PATH
      settings.putAll(formatSettings);
      extensions.forEach(e -> settings.put("spark.sql.extensions", e));
      return settings;
    }
    LayerConfig first = configs.get(0);
    settings.put("spark.sql.session.timeZone", first.environmentConfig().timezone());
    if (submitted.get(SCHEDULER_MODE) == null) { // not set by spark-submit, the cluster or a system property
      settings.put(SCHEDULER_MODE, "FAIR"); // concurrent pipeline steps share the cores, a pool each
    }
    settings.putAll(first.compute().options());
    settings.putAll(DataprocLineage.settings(submitted, configs));
    settings.putAll(formatSettings);
    if (!extensions.isEmpty()) {
      java.util.Arrays.stream(submitted.getOrDefault("spark.sql.extensions", "").split(",")).map(String::trim)
          .filter(e -> !e.isEmpty()).forEach(extensions::add); // kept, after prodi's
      settings.put("spark.sql.extensions", String.join(",", extensions));
    }
    return settings;
  }

  /** Whether a config reads or writes Delta Lake (a delta source, a delta sink or quarantine, a merge). */
  public static boolean usesDelta(LayerConfig config) {
    return formatsOf(config).contains(TableFormat.DELTA);
  }

  /** Whether a config reads or writes an Iceberg table of a declared catalog. */
  static boolean usesIceberg(LayerConfig config) {
    return formatsOf(config).contains(TableFormat.ICEBERG);
  }

  /**
   * The table formats the configs read and write (their sources', sinks' and quarantines'), Delta first, and Delta
   * whenever none names it too: the event log is a Delta table.
   */
  private static java.util.Set<TableFormat> formatsOf(List<LayerConfig> configs) {
    java.util.Set<TableFormat> formats = java.util.EnumSet.of(TableFormat.DELTA);
    configs.forEach(config -> formats.addAll(formatsOf(config)));
    return formats;
  }

  /** The table formats a config reads and writes: its sources', sinks' and quarantine's. */
  private static java.util.Set<TableFormat> formatsOf(LayerConfig config) {
    java.util.Set<TableFormat> formats = java.util.EnumSet.noneOf(TableFormat.class);
    config.sources().forEach(s -> s.tableFormat().ifPresent(formats::add));
    config.sinks().forEach(s -> s.tableFormat().ifPresent(formats::add));
    config.dq().quarantine().flatMap(SinkSpec::tableFormat).ifPresent(formats::add);
    return formats;
  }

  /** What spark-submit, the cluster's defaults and the JVM's system properties set, before prodi adds anything. */
  private static Map<String, String> submittedConf() {
    Map<String, String> conf = new java.util.HashMap<>();
    for (scala.Tuple2<String, String> entry : new org.apache.spark.SparkConf().getAll()) {
      conf.put(entry._1(), entry._2());
    }
    return conf;
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, SparkSessions.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Whether a running session has Delta's extension (static conf: fixed when it started). */
  static boolean hasDelta(SparkSession spark) {
    return spark.conf().get("spark.sql.extensions", "").contains(DELTA_EXTENSION);
  }
}
