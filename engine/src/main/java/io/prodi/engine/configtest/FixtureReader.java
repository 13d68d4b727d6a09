package io.prodi.engine.configtest;

import io.prodi.configtest.Fixture;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A test's fixture as a DataFrame of the test's session: inline rows (typed by the schema, else inferred) or a file. */
final class FixtureReader {
  private FixtureReader() {}

  static Dataset<Row> read(Fixture fixture, SparkSession spark) {
    if (fixture.file().isPresent()) {
      String format = fixture.format();
      DataFrameReader reader = spark.read().format(format.equals("jsonl") ? "json" : format).options(fixture.options());
      fixture.schema().ifPresent(reader::schema);
      return reader.load(fixture.file().get());
    }
    Dataset<String> json = spark.createDataset(fixture.jsonRows(), Encoders.STRING());
    return fixture.schema().map(s -> spark.read().schema(s).json(json)).orElseGet(() -> spark.read().json(json));
  }
}
