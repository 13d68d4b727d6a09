package io.prodi.config;

import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An environment config file: session time zone and per-protocol storage. */
public final class EnvironmentConfig {
  public static final Set<String> KEYS = Set.of("name", "description", "timezone", "storage");

  private final String uri;
  private final String timezone;
  private final Map<String, StorageSpec> storage;

  private EnvironmentConfig(String uri, String timezone, Map<String, StorageSpec> storage) {
    this.uri = uri;
    this.timezone = timezone;
    this.storage = Map.copyOf(storage);
  }

  public static EnvironmentConfig none() {
    return new EnvironmentConfig(null, "UTC", Map.of());
  }

  public static EnvironmentConfig bind(String uri, ConfigNode node) {
    node.allowKeys("an environment config", KEYS);
    String timezone = Optional.ofNullable(node.get("timezone").text()).orElse("UTC");
    try {
      ZoneId.of(timezone);
    } catch (DateTimeException e) {
      node.get("timezone").error("Cannot use time zone " + timezone
          + ": expected a region such as UTC or America/Bogota (" + timezone + ")");
    }
    return new EnvironmentConfig(uri, timezone, StorageSpec.bindAll(node.get("storage")));
  }

  public Optional<String> uri() {
    return Optional.ofNullable(uri);
  }

  /** The session time zone ({@code spark.sql.session.timeZone}), UTC by default. */
  public String timezone() {
    return timezone;
  }

  public Map<String, StorageSpec> storage() {
    return storage;
  }
}
