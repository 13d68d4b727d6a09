package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.People;
import io.prodi.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Layer runs through the real command line on the shared session, with configs and data in a temp folder. */
abstract class EngineTestBase {
  static final String PEOPLE = People.CSV;
  static final String PEOPLE_SCHEMA = People.SCHEMA;

  @TempDir
  Path tmp;
  ConfigFolder folder;

  @BeforeEach
  void setUpFolder() {
    folder = new ConfigFolder(tmp);
    folder.write("in/people.csv", PEOPLE);
  }

  SparkSession spark() {
    return SharedSpark.session();
  }

  /** A layer config whose source is the people CSV; {@code rest} adds keys (io.sink, transform, ...). */
  String config(String name, String layer, String sinks, String rest) {
    return folder.write(name, "layer: " + layer + "\n"
        + "io:\n  source: {name: people, format: csv, path: in/people.csv, options: {header: 'true'}, schema: "
        + PEOPLE_SCHEMA + "}\n" + "  sink:\n" + sinks + rest);
  }

  CliRun run(String config, String... more) {
    return SharedSpark.runLayer(config, tmp, more);
  }

  CliRun succeed(String config, String... more) {
    CliRun run = run(config, more);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run;
  }

  static JsonNode summary(CliRun run) {
    return run.summary();
  }

  Dataset<Row> read(String format, String relative) {
    return spark().read().format(format).option("header", "true").load(tmp.resolve(relative).toString());
  }

  String at(String relative) {
    return tmp.resolve(relative).toString();
  }
}
