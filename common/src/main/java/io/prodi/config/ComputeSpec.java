package io.prodi.config;

import io.prodi.yaml.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code compute}: the Spark application's name and options ({@code compute.spark.*} accepted too). */
public final class ComputeSpec {
  public static final Set<String> SPARK_KEYS = Set.of("app_name", "options");
  public static final Set<String> KEYS = Set.of("engine", "app_name", "options", "spark");

  private final String appName;
  private final Map<String, String> options;

  private ComputeSpec(String appName, Map<String, String> options) {
    this.appName = appName;
    this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  static ComputeSpec bind(ConfigNode node) {
    node.allowKeys("compute", KEYS);
    node.get("engine").oneOf("compute engine", Set.of("spark"));
    ConfigNode spark = node.get("spark");
    spark.allowKeys("compute.spark", SPARK_KEYS);
    Map<String, String> options = new LinkedHashMap<>(spark.get("options").textMap());
    options.putAll(node.get("options").textMap());
    String appName = Optional.ofNullable(node.get("app_name").text()).orElse(spark.get("app_name").text());
    return new ComputeSpec(appName, options);
  }

  public Optional<String> appName() {
    return Optional.ofNullable(appName);
  }

  /** Spark configuration set on the session. */
  public Map<String, String> options() {
    return options;
  }
}
