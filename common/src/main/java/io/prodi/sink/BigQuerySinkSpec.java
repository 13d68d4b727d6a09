package io.prodi.sink;

import io.prodi.bigquery.BigQueryTable;
import io.prodi.bigquery.BigQueryWriteMethod;
import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: bigquery}: a BigQuery table written through the spark-bigquery-connector the platform ships
 * (format {@code bigquery}; prodi never bundles it). {@code mode: overwrite} with a {@code partition_field}
 * replaces only the partitions the run writes.
 */
public final class BigQuerySinkSpec implements SinkSpec {
  public static final Set<String> KEYS = Set.of("type", "name", "kind", "table", "write_method",
      "temporary_gcs_bucket", "mode", "partition_field", "cluster_by", "options");

  private final String name;
  private final BigQueryTable table;
  private final BigQueryWriteMethod writeMethod;
  private final String temporaryGcsBucket;
  private final WriteMode mode;
  private final String partitionField;
  private final List<String> clusterBy;
  private final Map<String, String> options;

  private BigQuerySinkSpec(ConfigNode node, BigQueryTable table, BigQueryWriteMethod writeMethod, WriteMode mode) {
    this.name = node.get("name").text();
    this.table = table;
    this.writeMethod = writeMethod;
    this.temporaryGcsBucket = node.get("temporary_gcs_bucket").text();
    this.mode = mode;
    this.partitionField = node.get("partition_field").text();
    this.clusterBy = node.get("cluster_by").textList();
    this.options = node.get("options").textMap();
  }

  static BigQuerySinkSpec bind(ConfigNode node, WriteMode defaultMode) {
    node.allowKeys("a bigquery sink", KEYS);
    BigQueryTable table = BigQueryTable.bind(node.get("table"), "the BigQuery table").orElse(null);
    String method = node.get("write_method").oneOf("write method", BigQueryWriteMethod.ids());
    BigQueryWriteMethod writeMethod = method == null ? BigQueryWriteMethod.INDIRECT
        : BigQueryWriteMethod.valueOf(method.toUpperCase(Locale.ROOT));
    if (writeMethod == BigQueryWriteMethod.DIRECT && node.has("temporary_gcs_bucket")) {
      node.get("temporary_gcs_bucket").error("Cannot use temporary_gcs_bucket with write_method direct: only the "
          + "indirect method stages files in Cloud Storage (" + node.get("temporary_gcs_bucket").shown() + ")");
    }
    String bucket = node.get("temporary_gcs_bucket").text();
    if (bucket != null && (bucket.contains("/") || bucket.isBlank())) {
      node.get("temporary_gcs_bucket").error("Cannot use temporary_gcs_bucket: expected a bucket name, without gs:// "
          + "or a path (" + bucket + ")");
    }
    WriteMode fallback = defaultMode == WriteMode.OVERWRITE ? WriteMode.OVERWRITE : WriteMode.APPEND;
    WriteMode mode = WriteModes.mode(node, fallback, EnumSet.of(WriteMode.APPEND, WriteMode.OVERWRITE));
    return new BigQuerySinkSpec(node, table, writeMethod, mode);
  }

  @Override
  public String type() {
    return "bigquery";
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public WriteMode mode() {
    return mode;
  }

  @Override
  public Optional<String> platformDataSource() {
    return Optional.of("bigquery");
  }

  @Override
  public boolean appendsOnceOnRerun() {
    return false;
  }

  @Override
  public String location(Map<String, StorageSpec> storage, String baseDir) {
    return "bigquery " + table;
  }

  @Override
  public Optional<io.prodi.storage.DatasetName> dataset(Map<String, StorageSpec> storage, String baseDir) {
    return Optional.of(new io.prodi.storage.DatasetName("bigquery", table.toString()));
  }

  @Override
  public List<NamedColumn> namedColumns() {
    List<NamedColumn> named = new java.util.ArrayList<>();
    partitionField().ifPresent(field -> named.add(new NamedColumn(field, "partition_field")));
    named.addAll(NamedColumn.listed("cluster_by", clusterBy));
    return named;
  }

  public BigQueryTable table() {
    return table;
  }

  public BigQueryWriteMethod writeMethod() {
    return writeMethod;
  }

  public Optional<String> temporaryGcsBucket() {
    return Optional.ofNullable(temporaryGcsBucket);
  }

  public Optional<String> partitionField() {
    return Optional.ofNullable(partitionField);
  }

  /** Whether an overwrite replaces only the partitions it writes (the connector's dynamic overwrite). */
  public boolean overwritesPartitions() {
    return mode == WriteMode.OVERWRITE && partitionField != null;
  }

  public List<String> clusterBy() {
    return clusterBy;
  }

  /** More connector options, passed through as written. */
  public Map<String, String> options() {
    return options;
  }
}
