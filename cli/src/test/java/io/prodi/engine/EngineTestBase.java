package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.testing.CliRun;
import io.prodi.testing.PeopleFolder;
import io.prodi.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Layer runs through the real command line on the shared session, with configs and data in a temp folder. */
abstract class EngineTestBase extends PeopleFolder {
  SparkSession spark() {
    return SharedSpark.session();
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
}
