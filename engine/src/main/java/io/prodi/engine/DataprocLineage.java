package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.run.RunLineage;
import io.prodi.run.StateIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * With the platform's own lineage on (Dataproc's {@code dataproc:dataproc.lineage.enabled}, Serverless's
 * {@code spark.dataproc.lineage.enabled}, or the OpenLineage Spark listener in {@code spark.extraListeners}),
 * the {@code spark.openlineage.*} settings that name the application's job after the layer
 * ({@code <dataset>.<layer>}, as prodi's own events do) and tag it with the layer and dataset, so the
 * platform's events group by layer. Keys the user set are left alone.
 */
final class DataprocLineage {
  static final String APP_NAME = "spark.openlineage.appName";
  static final String JOB_TAGS = "spark.openlineage.job.tags";
  private static final String LISTENER = "io.openlineage.spark.agent.OpenLineageSparkListener";

  private DataprocLineage() {}

  /** The settings to add for {@code configs} given the session's conf so far; none when lineage is off. */
  static Map<String, String> settings(Map<String, String> conf, List<LayerConfig> configs) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!lineageOn(conf) || configs.isEmpty()) {
      return out;
    }
    String layers = configs.stream().map(c -> c.layer().id()).distinct().collect(Collectors.joining(","));
    String datasets = configs.stream().map(StateIds::dataset).distinct().collect(Collectors.joining(","));
    if (!conf.containsKey(APP_NAME)) {
      out.put(APP_NAME, configs.size() == 1 ? RunLineage.jobName(configs.get(0)) : "prodi_pipeline." + datasets);
    }
    if (!conf.containsKey(JOB_TAGS)) {
      out.put(JOB_TAGS, "prodi_layer:" + layers.replace(';', ',') + ";prodi_dataset:" + datasets.replace(';', ','));
    }
    return out;
  }

  private static boolean lineageOn(Map<String, String> conf) {
    return "true".equalsIgnoreCase(conf.getOrDefault("spark.dataproc.lineage.enabled", ""))
        || "true".equalsIgnoreCase(conf.getOrDefault("spark.hadoop.dataproc.lineage.enabled", ""))
        || conf.getOrDefault("spark.extraListeners", "").contains(LISTENER);
  }
}
