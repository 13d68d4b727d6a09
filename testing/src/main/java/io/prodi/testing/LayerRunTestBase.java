package io.prodi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Layer runs on the test JVM's one session, with configs and data in a temp folder: the engine's tests run them
 * without the command line, the cli's through it ({@link #runLayer}); both read the same output ({@code R}).
 */
public abstract class LayerRunTestBase<R extends RunOutput> extends PeopleFolder {
  /** {@code prodi run-layer -c CONFIG --base-dir BASE [more...]}, as the module under test makes it. */
  protected abstract R runLayer(String config, Path base, String... more);

  protected SparkSession spark() {
    return TestSession.get();
  }

  protected R run(String config, String... more) {
    return runLayer(config, tmp, more);
  }

  protected R succeed(String config, String... more) {
    R run = run(config, more);
    assertEquals(0, run.exitCode(), run::toString);
    return run;
  }

  protected static JsonNode summary(RunOutput run) {
    return run.summary();
  }

  protected Dataset<Row> read(String format, String relative) {
    return spark().read().format(format).option("header", "true").load(tmp.resolve(relative).toString());
  }
}
