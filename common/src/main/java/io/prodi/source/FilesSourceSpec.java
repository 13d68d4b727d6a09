package io.prodi.source;

import io.prodi.storage.LocationSpec;
import io.prodi.storage.StorageSpec;
import io.prodi.transform.SqlSyntax;
import io.prodi.yaml.ConfigNode;
import io.prodi.storage.TableFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code type: files}: files in any Spark format at a location. */
public final class FilesSourceSpec implements SourceSpec {
  public static final Set<String> KEYS = keys();

  private final String name;
  private final String format;
  private final Map<String, String> options;
  private final String schema;
  private final LocationSpec location;
  private final WatermarkSpec watermark;

  private FilesSourceSpec(String name, String format, Map<String, String> options, String schema,
      LocationSpec location, WatermarkSpec watermark) {
    this.name = name;
    this.format = format;
    this.options = Map.copyOf(options);
    this.schema = schema;
    this.location = location;
    this.watermark = watermark;
  }

  private static Set<String> keys() {
    Set<String> keys = new HashSet<>(Set.of("type", "name", "format", "options", "schema", "incremental"));
    keys.addAll(LocationSpec.KEYS);
    return Set.copyOf(keys);
  }

  static FilesSourceSpec bind(ConfigNode node) {
    node.allowKeys("a files source", KEYS);
    LocationSpec location = LocationSpec.bind(node);
    if (location.isEmpty()) {
      node.error("Cannot locate files source: none of uri, path, uris, relative_path, local_fallback is set");
    }
    String schema = node.get("schema").text();
    if (schema != null) {
      SqlSyntax.schemaError(schema).ifPresent(e ->
          node.get("schema").error("Cannot parse schema: " + e + " (" + node.get("schema").shown() + ")"));
    }
    String format = Optional.ofNullable(node.get("format").oneOf("format", TableFormat.READABLE)).orElse("parquet");
    return new FilesSourceSpec(node.get("name").text(), format, node.get("options").textMap(), schema,
        location, WatermarkSpec.bind(node.get("incremental"), Set.of(), format).orElse(null));
  }

  @Override
  public String type() {
    return "files";
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public Optional<WatermarkSpec> watermark() {
    return Optional.ofNullable(watermark);
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return location.resolve(storage, baseDir).orElse("(no location)");
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return location.resolve(storage, baseDir).map(io.prodi.storage.DatasetName::file);
  }

  public String format() {
    return format;
  }

  @Override
  public Optional<String> fileFormat() {
    return Optional.of(format);
  }

  @Override
  public Optional<String> filesLocation(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(location(storage, baseDir));
  }

  @Override
  public Optional<TableFormat> tableFormat() {
    return TableFormat.of(format);
  }

  @Override
  public Optional<SourceSpec> atVersion(long version) {
    if (!TableFormat.DELTA.is(format)) {
      return Optional.empty();
    }
    Map<String, String> pinned = new java.util.HashMap<>(options);
    pinned.put("versionAsOf", Long.toString(version));
    return Optional.of(new FilesSourceSpec(name, format, pinned, schema, location, null));
  }

  public Map<String, String> options() {
    return options;
  }

  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  public LocationSpec locationSpec() {
    return location;
  }
}
