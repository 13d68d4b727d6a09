package io.prodi.config;

import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An environment config file: session time zone, per-protocol storage, where the event log lives
 * ({@code events.uri}) and where lineage goes ({@code lineage}).
 */
public final class EnvironmentConfig {
  public static final Set<String> KEYS = Set.of("name", "description", "timezone", "storage", "events", "lineage",
      "catalogs");
  public static final Set<String> EVENTS_KEYS = Set.of("uri");

  private final String uri;
  private final String timezone;
  private final Map<String, StorageSpec> storage;
  private final String eventsUri;
  private final LineageSpec lineage;
  private final Map<String, io.prodi.catalog.CatalogSpec> catalogs;

  private EnvironmentConfig(String uri, String timezone, Map<String, StorageSpec> storage, String eventsUri,
      LineageSpec lineage, Map<String, io.prodi.catalog.CatalogSpec> catalogs) {
    this.uri = uri;
    this.timezone = timezone;
    this.storage = Map.copyOf(storage);
    this.eventsUri = eventsUri;
    this.lineage = lineage;
    this.catalogs = Map.copyOf(catalogs);
  }

  public static EnvironmentConfig none() {
    return new EnvironmentConfig(null, "UTC", Map.of(), null, null, Map.of());
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
    ConfigNode events = node.get("events");
    events.allowKeys("events", EVENTS_KEYS);
    String eventsUri = events.get("uri").text();
    return new EnvironmentConfig(uri, timezone, StorageSpec.bindAll(node.get("storage")), eventsUri,
        LineageSpec.bind(node.get("lineage")).orElse(null), io.prodi.catalog.CatalogSpec.bindAll(node.get("catalogs")));
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

  /** {@code events.uri}: the event log's Delta table; empty for the default beside the state store. */
  public Optional<String> eventsUri() {
    return Optional.ofNullable(eventsUri);
  }

  /** The environment's Iceberg catalogs ({@code catalogs:}), by name. */
  public Map<String, io.prodi.catalog.CatalogSpec> catalogs() {
    return catalogs;
  }

  /** The environment's lineage target, for layers that name none. */
  public Optional<LineageSpec> lineage() {
    return Optional.ofNullable(lineage);
  }
}
