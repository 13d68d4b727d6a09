package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.SharedSpark;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code prodi test}: fixtures, diffs, failures, redirection, clean-up, JUnit XML. */
class ConfigTestCommandTest {
  private static final String CONFIG = "layer: silver\n"
      + "io:\n  source: {name: orders, format: parquet, path: /definitely/not/here}\n"
      + "  sink: {format: delta, path: /dev/null/cannot/write/here, mode: merge, merge: {keys: [id]}}\n"
      + "transform: {sql: 'SELECT id, upper(item) AS item, qty * 2 AS qty FROM orders'}\n"
      + "dq:\n  expectations: [{type: not_null, column: item, on_fail: quarantine}]\n"
      + "  quarantine: {path: /dev/null/cannot/write/quarantine}\n";
  private static final String INPUTS = "inputs:\n  orders:\n    rows:\n"
      + "      - {id: 1, item: apple, qty: 2}\n      - {id: 2, item: pear, qty: 1}\n      - {id: 3, item: null, qty: 5}\n";

  @TempDir
  Path tmp;
  private ConfigFolder folder;

  @BeforeEach
  void setUp() {
    folder = new ConfigFolder(tmp);
    folder.write("orders.yml", CONFIG);
  }

  private CliRun test(String... paths) {
    String[] args = new String[paths.length + 1];
    args[0] = "test";
    System.arraycopy(paths, 0, args, 1, paths.length);
    return SharedSpark.prodi(args);
  }

  private static long leftoverFolders() {
    return Arrays.stream(Objects.requireNonNull(new File(System.getProperty("java.io.tmpdir")).listFiles()))
        .filter(f -> f.getName().startsWith("prodi-test-")).count();
  }

  @Test
  void aPassingTestNeverTouchesTheConfigsRealLocationsAndLeavesNoFolderBehind() {
    String file = folder.write("orders.test.yml", "config: orders.yml\n" + INPUTS
        + "expect:\n  output:\n    key: [id]\n    rows:\n      - {id: 1, item: APPLE, qty: 4}\n"
        + "      - {id: 2, item: PEAR, qty: 2}\n"
        + "  quarantine: {count: 1}\n  expectations: {not_null_item: {failed: 1, status: failed}}\n");
    long before = leftoverFolders();
    CliRun run = test(file);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).hasSize(2).last().isEqualTo("1 passed, 0 failed");
    assertThat(run.outLines().get(0)).matches("PASS " + file.replace(".", "\\.") + " \\(\\d+\\.\\d s\\)");
    assertThat(leftoverFolders()).isEqualTo(before);
  }

  @Test
  void aFailingTestPrintsMissingUnexpectedAndDifferingColumnsAndExits1() {
    String file = folder.write("orders.test.yml", "name: orders diff\nconfig: orders.yml\n" + INPUTS
        + "expect:\n  output:\n    key: [id]\n    rows:\n      - {id: 1, item: APPLE, qty: 5}\n"
        + "      - {id: 9, item: KIWI, qty: 1}\n");
    long before = leftoverFolders();
    CliRun run = test(file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).containsSequence(
        "    output: row 1: qty expected 5, actual 4",
        "    output: missing rows (expected, not in the output):",
        "        {id: 9, item: KIWI, qty: 1}",
        "    output: unexpected rows (in the output, not expected):",
        "        {id: 2, item: PEAR, qty: 2}");
    assertThat(run.outLines().get(0)).startsWith("FAIL orders diff (");
    assertThat(run.outLines()).last().isEqualTo("0 passed, 1 failed");
    assertThat(leftoverFolders()).isEqualTo(before);
  }

  @Test
  void columnsAndOrderModes() {
    String file = folder.write("cols.test.yml", "config: orders.yml\n" + INPUTS
        + "expect:\n  output:\n    ordered: true\n    rows:\n      - {id: 1, item: APPLE}\n"
        + "      - {id: 2, item: PEAR}\n");
    CliRun run = test(file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).contains("    output: unexpected columns qty (use columns: only_listed to ignore them)");
    String listed = folder.write("listed.test.yml", "config: orders.yml\n" + INPUTS
        + "expect:\n  output:\n    ordered: true\n    columns: only_listed\n    rows:\n      - {id: 1, item: APPLE}\n"
        + "      - {id: 2, item: PEAR}\n");
    assertThat(test(listed).exitCode()).isZero();
  }

  @Test
  void aConfigThatMustFailPassesOnlyWithTheExpectedError() {
    folder.write("strict.yml", CONFIG.replace("on_fail: quarantine", "on_fail: fail"));
    String ok = folder.write("strict.test.yml", "config: strict.yml\n" + INPUTS
        + "expect: {fails_with: 'not_null_item: 1 of 3 rows failed'}\n");
    assertThat(test(ok).exitCode()).isZero();
    String wrong = folder.write("wrong.test.yml", "config: strict.yml\n" + INPUTS + "expect: {fails_with: 'something else'}\n");
    CliRun run = test(wrong);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines().get(1)).startsWith("    expected the run to fail with \"something else\", but it failed "
        + "with: Cannot write the silver output: 1 error expectation failed: not_null_item");
  }

  @Test
  void fixturesFromCsvJsonAndParquetFiles() throws Exception {
    folder.write("fixtures/orders.csv", "id,item,qty\n1,apple,2\n2,pear,1\n");
    folder.write("fixtures/orders.json", "{\"id\": 1, \"item\": \"apple\", \"qty\": 2}\n{\"id\": 2, \"item\": \"pear\", \"qty\": 1}\n");
    SharedSpark.session().read().json(tmp.resolve("fixtures/orders.json").toString())
        .write().parquet(tmp.resolve("fixtures/orders.parquet").toString());
    String expect = "expect:\n  output:\n    key: [id]\n    rows:\n      - {id: 1, item: APPLE, qty: 4}\n"
        + "      - {id: 2, item: PEAR, qty: 2}\n";
    for (String fixture : new String[] {
        "{file: fixtures/orders.csv, format: csv, options: {header: 'true'}, schema: 'id INT, item STRING, qty INT'}",
        "{file: fixtures/orders.json, format: json}", "{file: fixtures/orders.parquet, format: parquet}"}) {
      String file = folder.write("files.test.yml", "config: orders.yml\ninputs:\n  orders: " + fixture + "\n" + expect);
      CliRun run = test(file);
      assertThat(run.exitCode()).as(fixture + "\n" + run).isZero();
    }
  }

  @Test
  void aFolderIsSearchedAndJUnitXmlIsWritten() throws Exception {
    folder.write("suite/a.test.yml", "config: ../orders.yml\n" + INPUTS + "expect: {quarantine: {count: 1}}\n");
    folder.write("suite/deeper/b.test.yml", "config: ../../orders.yml\n" + INPUTS + "expect: {quarantine: {count: 2}}\n");
    Path xml = tmp.resolve("reports/junit.xml");
    CliRun run = SharedSpark.prodi("test", tmp.resolve("suite").toString(), "--junit", xml.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).contains("    quarantine: expected 2 rows, got 1").last().isEqualTo("1 passed, 1 failed");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("2");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    assertThat(doc.getElementsByTagName("failure").item(0).getTextContent())
        .isEqualTo("quarantine: expected 2 rows, got 1");
  }

  @Test
  void anInvalidTestFileExits2InTheConfigErrorFormat() {
    String file = folder.write("bad.test.yml", "config: orders.yml\ninputs: {orders: {rows: [], fille: x}}\nexpect: {}\n");
    CliRun run = SharedSpark.prodi("test", file);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("prodi: error: " + file + ": inputs.orders.fille: Cannot use key 'fille' in a "
        + "fixture: unknown key, did you mean 'file'? (valid keys: file, format, options, rows, schema)");
    assertThat(run.out()).contains("0 passed, 0 failed");
  }

  @Test
  void aFixtureNamedAfterNoSourceIsRefused() {
    String file = folder.write("nofix.test.yml", "config: orders.yml\ninputs: {other: {rows: [{a: 1}]}}\n"
        + "expect: {quarantine: {count: 0}}\n");
    CliRun run = test(file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines().get(1)).isEqualTo("    Cannot use fixture other: the config has no source of that name "
        + "(sources: orders)");
  }

  /**
   * A source without a fixture fails the test instead of reading its real data, even though the real
   * data is there and reading it would make the expectations pass.
   */
  @Test
  void aSourceWithoutAFixtureFailsInsteadOfReadingRealData() {
    SharedSpark.session().sql("SELECT 1 AS id, 'apple' AS item, 2 AS qty").write().parquet(tmp.resolve("real/orders")
        .toString());
    SharedSpark.session().sql("SELECT 1 AS id, 'CO' AS country").write().parquet(tmp.resolve("real/customers")
        .toString());
    folder.write("two.yml", "layer: silver\n"
        + "io:\n  source:\n    - {name: orders, format: parquet, path: " + tmp.resolve("real/orders") + "}\n"
        + "    - {name: customers, format: parquet, path: " + tmp.resolve("real/customers") + "}\n"
        + "  sink: {path: /dev/null/cannot/write/here}\n"
        + "transform: {sql: 'SELECT o.id, c.country FROM orders o JOIN customers c ON o.id = c.id'}\n");
    String real = folder.write("real.test.yml", "config: two.yml\ninputs:\n  orders: {rows: [{id: 1, item: apple, qty: 2}]}\n"
        + "  customers: {rows: [{id: 1, country: CO}]}\nexpect: {output: {count: 1}}\n");
    assertThat(test(real).exitCode()).as("with both fixtures").isZero();
    String file = folder.write("half.test.yml", "config: two.yml\ninputs:\n  orders: {rows: [{id: 1, item: apple, qty: 2}]}\n"
        + "expect: {output: {count: 1}}\n");
    CliRun run = test(file);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.outLines()).contains("    Cannot run the test without reading real data: source customers has no "
        + "fixture in inputs (name it, or use __INPUT__)");
    assertThat(run.out()).contains("0 passed, 1 failed");
  }

  @Test
  void theWatermarkAnIncrementalSourceWouldCommit() {
    folder.write("inc.yml", "layer: raw\nio:\n  source: {name: events, format: json, path: /not/read, "
        + "incremental: {watermark: {field: ts}}}\n  sink: {path: /dev/null/not/written}\n");
    String file = folder.write("inc.test.yml", "config: inc.yml\ninputs:\n  events:\n    schema: 'id INT, ts TIMESTAMP'\n"
        + "    rows: [{id: 1, ts: '2024-06-01T10:00:00Z'}, {id: 2, ts: '2024-06-03T08:30:00Z'}]\n"
        + "expect:\n  watermark: {events: '2024-06-03 08:30:00'}\n  output: {count: 2}\n");
    CliRun run = test(file);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    String wrong = folder.write("wrong.test.yml", "config: inc.yml\ninputs:\n  events:\n    schema: 'id INT, ts TIMESTAMP'\n"
        + "    rows: [{id: 1, ts: '2024-06-01T10:00:00Z'}]\nexpect:\n  watermark: {inc::raw::events: '2024-06-02 00:00:00'}\n");
    CliRun failed = test(wrong);
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.outLines()).contains("    watermark inc::raw::events: expected 2024-06-02 00:00:00, would commit "
        + "2024-06-01 10:00:00");
    assertThat(failed.out()).contains("0 passed, 1 failed");
  }

  @Test
  void aReferentialExpectationReadsItsRefFromAFixtureNeverFromRealStorage() {
    folder.write("ref.yml", "layer: silver\n"
        + "io:\n  source: {name: orders, format: parquet, path: /definitely/not/here}\n"
        + "  sink: {path: /dev/null/cannot/write/here}\n"
        + "dq:\n  expectations:\n    - {type: referential, column: item, severity: warn,"
        + " ref: {name: items, format: parquet, path: /definitely/not/here/items, column: item}}\n");
    String passing = folder.write("ref.test.yml", "config: ref.yml\n" + INPUTS
        + "  items:\n    rows:\n      - {item: apple}\n      - {item: plum}\n"
        + "expect:\n  output: {count: 3}\n  expectations: {referential_item: {failed: 1}}\n");
    CliRun run = test(passing);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    String missing = folder.write("noref.test.yml", "config: ref.yml\n" + INPUTS + "expect:\n  output: {count: 3}\n");
    CliRun refused = test(missing);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).contains("Cannot run the test without reading real data: the ref of expectation "
        + "referential_item has no fixture in inputs (add a fixture named items)");
  }
}
