package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a process from the configs it will run. Only main classes call this
 * (through {@link SparkLayerEngine}'s factory); everything else receives a session.
 */
public final class SparkSessions {
  static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  static final String ICEBERG_EXTENSION = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
  static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";
  private static final String SCHEDULER_MODE = "spark.scheduler.mode";

  private SparkSessions() {}

  /**
   * The process's session, set up for {@code configs}: the first one's app name and options, dynamic
   * partition overwrite, FAIR scheduling (unless spark-submit set a mode), and Delta Lake's extension and
   * catalog when any of them uses delta or the class path has it, for the event log, and Iceberg's SQL extensions
   * when any of them uses an Iceberg table (these are static: they must be set when the session starts, so a
   * pipeline passes all of its steps; extensions given to spark-submit are kept).
   */
  public static SparkSession getOrCreate(List<LayerConfig> configs) {
    if (configs.isEmpty()) { // prodi show PATH: no config; Delta's extension when the class path has it
      SparkSession.Builder builder = SparkSession.builder().appName("prodi_show");
      if (deltaOnClassPath()) {
        builder.config("spark.sql.extensions", DELTA_EXTENSION).config("spark.sql.catalog.spark_catalog", DELTA_CATALOG);
      }
      return builder.getOrCreate();
    }
    LayerConfig first = configs.get(0);
    SparkSession.Builder builder = SparkSession.builder()
        .appName(first.compute().appName().orElse("prodi_" + first.layer().id()))
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .config("spark.sql.session.timeZone", first.environmentConfig().timezone());
    if (System.getProperty(SCHEDULER_MODE) == null) { // not set by spark-submit or the cluster
      builder.config(SCHEDULER_MODE, "FAIR"); // concurrent pipeline steps share the cores, a pool each
    }
    for (Map.Entry<String, String> option : first.compute().options().entrySet()) {
      builder.config(option.getKey(), option.getValue());
    }
    DataprocLineage.settings(submittedConf(), configs).forEach(builder::config);
    java.util.Set<String> extensions = new java.util.LinkedHashSet<>();
    if (configs.stream().anyMatch(SparkSessions::usesDelta) || deltaOnClassPath()) { // the event log is Delta
      extensions.add(DELTA_EXTENSION);
      builder.config("spark.sql.catalog.spark_catalog", DELTA_CATALOG);
    }
    if (configs.stream().anyMatch(SparkSessions::usesIceberg) && onClassPath(ICEBERG_EXTENSION)) {
      extensions.add(ICEBERG_EXTENSION); // MERGE INTO an Iceberg table, Iceberg's procedures
    }
    if (!extensions.isEmpty()) {
      String submitted = submittedConf().getOrDefault("spark.sql.extensions", "");
      java.util.Arrays.stream(submitted.split(",")).map(String::trim).filter(e -> !e.isEmpty())
          .forEach(extensions::add); // kept, after prodi's
      builder.config("spark.sql.extensions", String.join(",", extensions));
    }
    return builder.getOrCreate();
  }

  /** Whether a config reads or writes Delta Lake (a delta source, a delta sink or quarantine, a merge). */
  public static boolean usesDelta(LayerConfig config) {
    return config.sources().stream().anyMatch(SourceSpec::readsDelta)
        || config.sinks().stream().anyMatch(SinkSpec::usesDelta)
        || config.dq().quarantine().map(SinkSpec::usesDelta).orElse(false);
  }

  /** Whether a config reads or writes an Iceberg table of a declared catalog. */
  static boolean usesIceberg(LayerConfig config) {
    return config.sources().stream().anyMatch(s -> s.icebergTable().isPresent())
        || config.sinks().stream().anyMatch(s -> s.icebergTable().isPresent());
  }

  /** What spark-submit, the cluster's defaults and the JVM's system properties set, before prodi adds anything. */
  private static Map<String, String> submittedConf() {
    Map<String, String> conf = new java.util.HashMap<>();
    for (scala.Tuple2<String, String> entry : new org.apache.spark.SparkConf().getAll()) {
      conf.put(entry._1(), entry._2());
    }
    return conf;
  }

  private static boolean deltaOnClassPath() {
    return onClassPath(DELTA_EXTENSION);
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
