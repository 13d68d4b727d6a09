package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.testing.PeopleFolder;
import io.prodi.testing.RunOutput;
import io.prodi.testing.TestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Layer runs of the engine ({@link LayerRuns}) on the shared session, with configs and data in a temp folder. */
abstract class LayerTestBase extends PeopleFolder {
  SparkSession spark() {
    return TestSession.get();
  }

  RunOutput run(String config, String... more) {
    return LayerRuns.run(config, tmp, more);
  }

  RunOutput succeed(String config, String... more) {
    RunOutput run = run(config, more);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run;
  }

  static JsonNode summary(RunOutput run) {
    return run.summary();
  }

  Dataset<Row> read(String format, String relative) {
    return spark().read().format(format).option("header", "true").load(tmp.resolve(relative).toString());
  }
}
