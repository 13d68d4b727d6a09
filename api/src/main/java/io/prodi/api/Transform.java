package io.prodi.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * prodi's public transform interface: a class named in {@code transform.functions} implements it,
 * has a public no-argument constructor, and receives its {@code params} as a JSON tree.
 */
public interface Transform {
  Dataset<Row> apply(Dataset<Row> input, JsonNode params);
}
