package io.prodi.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodi.engine.LayerRuns;
import io.prodi.testing.LayerRunTestBase;
import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code incremental: {by: files}}: each run reads the files that appeared since the last one (no timestamp column
 * needed), in micro-batches of {@code max_files_per_run}, oldest first; files Spark's readers skip are skipped.
 */
class NewFilesTest extends LayerRunTestBase<RunOutput> {
  @Override
  protected RunOutput runLayer(String config, Path base, String... more) {
    return LayerRuns.run(config, base, more);
  }

  private String config() {
    return folder.write("raw.yml", "layer: raw\nstate: {uri: state}\nio:\n"
        + "  source: {name: drops, format: csv, path: landing, options: {header: 'true'}, schema: 'id INT, name STRING',"
        + " incremental: {by: files, max_files_per_run: 2}}\n"
        + "  sink: {path: out, mode: append}\n");
  }

  private void drop(String name, String rows, long modified) {
    folder.write("landing/" + name, "id,name\n" + rows);
    assertThat(tmp.resolve("landing/" + name).toFile().setLastModified(modified)).isTrue();
  }

  private List<JsonNode> summaries(RunOutput run) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.outLines()) {
      if (line.startsWith("{\"prodi_summary\"")) {
        out.add(new ObjectMapper().readTree(line).get("prodi_summary"));
      }
    }
    return out;
  }

  private List<String> out() {
    return Rows.of(spark().read().parquet(at("out")), "id", "name");
  }

  @Test
  void eachRunReadsTheFilesNewSinceTheLastInBatchesOldestFirst() throws Exception {
    long t = 1_700_000_000_000L;
    drop("a.csv", "1,a\n", t);
    drop("b.csv", "2,b\n", t + 1000);
    drop("day=2/c.csv", "3,c\n", t + 2000);
    drop("_temporary/x.csv", "9,hidden\n", t + 3000);
    drop(".part.csv", "8,hidden\n", t + 3000);
    String cfg = config();

    RunOutput first = succeed(cfg);
    assertThat(summaries(first)).extracting(s -> s.path("stream").path("records").asLong()).containsExactly(2L, 1L);
    assertThat(out()).containsExactly("1|a", "2|b", "3|c");

    drop("d.csv", "4,d\n5,e\n", t + 4000);
    drop("late.csv", "6,late\n", t - 5000); // an old time: still new by name
    RunOutput second = succeed(cfg);
    assertThat(summaries(second)).singleElement().satisfies(s -> assertThat(s.path("stream").path("records").asLong())
        .isEqualTo(2));
    assertThat(out()).containsExactly("1|a", "2|b", "3|c", "4|d", "5|e", "6|late");

    RunOutput nothing = succeed(cfg);
    assertThat(nothing.err()).contains("micro-batch 1: nothing new");
    assertThat(out()).hasSize(6);
  }

  @Test
  void filesOlderThanTheMaxFileAgeBehindTheNewestReadAreTakenAsRead() throws Exception {
    long t = 1_700_000_000_000L;
    drop("new.csv", "1,new\n", t);
    String cfg = folder.write("raw.yml", "layer: raw\nstate: {uri: state}\nio:\n"
        + "  source: {format: csv, path: landing, options: {header: 'true'}, schema: 'id INT, name STRING',"
        + " incremental: {by: files, max_file_age: PT1H}}\n  sink: {path: out, mode: append}\n");
    succeed(cfg);
    drop("ancient.csv", "2,ancient\n", t - 2 * 3_600_000L);
    drop("recent.csv", "3,recent\n", t - 60_000L);
    succeed(cfg);
    assertThat(out()).containsExactly("1|new", "3|recent");
  }
}
