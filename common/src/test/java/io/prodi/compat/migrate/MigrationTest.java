package io.prodi.compat.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code prodi migrate}'s rewrites of one file, as docs/migration.md shows them. */
class MigrationTest {
  private static final String PYTHON = "# finance raw, as the Python prodi had it\n"
      + "layer: raw\n"
      + "compute:\n"
      + "  kind: spark\n"
      + "io:\n"
      + "  source:\n"
      + "    kind: spark\n"
      + "    type: http\n"
      + "    url: \"https://api.example.com/tx\"\n"
      + "    auth:\n"
      + "      type: bearer_env\n"
      + "      env: FINBANK_TOKEN   # the token lives in Secret Manager\n"
      + "  sink:\n"
      + "    kind: spark\n"
      + "    format: parquet\n"
      + "    options:\n"
      + "      path: \"out/tx\"\n"
      + "dq:\n"
      + "  expectations:\n"
      + "    min_row_count: 1\n"
      + "    expect_columns_to_exist: [id, amount]\n"
      + "  checks: []\n";

  @Test
  void aliasesBecomeCanonicalKeysNoOpKeysGoAndCommentsStay() {
    Migration migration = Migration.of("raw.yml", PYTHON);
    assertThat(migration.changed()).isTrue();
    assertThat(migration.text()).isEqualTo("# finance raw, as the Python prodi had it\n"
        + "layer: raw\n"
        + "compute:\n"
        + "  engine: spark\n"
        + "io:\n"
        + "  source:\n"
        + "    type: http\n"
        + "    url: \"https://api.example.com/tx\"\n"
        + "    auth:\n"
        + "      type: bearer_env\n"
        + "      token_env: FINBANK_TOKEN # the token lives in Secret Manager\n"
        + "  sink:\n"
        + "    format: parquet\n"
        + "    path: out/tx\n"
        + "dq:\n"
        + "  expectations:\n"
        + "    - type: min_row_count\n"
        + "      value: 1\n"
        + "    - type: columns_exist\n"
        + "      columns:\n"
        + "        - id\n"
        + "        - amount\n");
    assertThat(migration.diff()).startsWith("--- a/raw.yml\n+++ b/raw.yml\n")
        .contains("-      env: FINBANK_TOKEN   # the token lives in Secret Manager\n")
        .contains("+      token_env: FINBANK_TOKEN # the token lives in Secret Manager\n");
    assertThat(migration.forHuman()).isEmpty();
  }

  @Test
  void aMigratedFileIsLeftAsItIs() {
    String once = Migration.of("raw.yml", PYTHON).text();
    Migration again = Migration.of("raw.yml", once);
    assertThat(again.changed()).isFalse();
    assertThat(again.text()).isEqualTo(once);
    assertThat(again.diff()).isEmpty();
  }

  @Test
  void placeholdersAreKeptAsWritten() {
    String text = "layer: raw\nio:\n  source:\n    type: jdbc\n    url: \"jdbc:postgresql://db/core\"\n"
        + "    auth: {mode: env, username_env: PG_USER, password_env: PG_PASSWORD}\n"
        + "    query: \"SELECT * FROM t WHERE updated_at > '${RAW_WM_TS}'\"\n"
        + "  sink: {path: \"out/{{ ds }}\"}\n";
    String after = Migration.of("jdbc.yml", text).text();
    assertThat(after).contains("'${RAW_WM_TS}'").contains("{{ ds }}").contains("user_env").doesNotContain("username_env")
        .doesNotContain("mode: env");
  }

  @Test
  void storageOptionsBecomeHadoopKeysAndTlsOffStaysAnErrorForAHuman() {
    Migration gcs = Migration.of("env.yml", "storage:\n  gs:\n    auth: workload_identity\n"
        + "    storage_options: {project: data-platform-prod, use_tls: true}\n");
    assertThat(gcs.text()).isEqualTo("storage:\n  gs:\n    auth: workload_identity\n    hadoop:\n"
        + "      fs.gs.project.id: data-platform-prod\n");
    assertThat(gcs.forHuman()).isEmpty();

    String tlsOff = "storage:\n  s3:\n    endpoint: 'https://minio.internal:9000'\n    storage_options: {use_tls: false}\n";
    Migration s3 = Migration.of("env.yml", tlsOff);
    assertThat(s3.text()).isEqualTo(tlsOff);
    assertThat(s3.forHuman()).containsExactly("env.yml: storage.s3.storage_options.use_tls: Cannot turn TLS off for s3: "
        + "allowed only for an endpoint on a loopback address (use_tls: false)");

    Migration emulator = Migration.of("env.yml",
        "storage:\n  s3:\n    endpoint: 'http://127.0.0.1:4568'\n    storage_options: {use_tls: false}\n");
    assertThat(emulator.text()).contains("fs.s3a.connection.ssl.enabled: 'false'").doesNotContain("use_tls");
  }

  @Test
  void aFileThatIsNoConfigOfThePythonVersionIsLeftAndNamed() {
    Migration migration = Migration.of("notes.yml", "owners: [ana, luis]\n");
    assertThat(migration.changed()).isFalse();
    assertThat(migration.forHuman()).singleElement().asString()
        .startsWith("notes.yml: not a layer, pipeline, dataset or environment config").contains("keys owners");
    // a config test is this prodi's own file: nothing to migrate and nothing to say
    String test = "config: gold.yml\ninputs: {__INPUT__: {rows: [{a: 1}]}}\nexpect: {output: {rows: [{a: 1}]}}\n";
    assertThat(Migration.of("cfg/gold.test.yml", test).forHuman()).isEmpty();
    assertThat(Migration.of("cfg/gold-check.yml", test).forHuman()).isEmpty();
    assertThat(Migration.of("cfg/gold-check.yml", test).changed()).isFalse();
  }

  @Test
  void aMovedKeyTakesThePlaceOfTheBlockItLeftAndTheHeaderHasNoDoubleSlash() {
    Migration migration = Migration.of("/abs/cfg/raw.yml", "layer: raw\npaths:\n  dataset: d.yml\ncompute: {engine: spark}\n"
        + "io: {source: {path: in}, sink: {path: out}}\n");
    assertThat(migration.text()).isEqualTo("layer: raw\ndataset_config: d.yml\ncompute: {engine: spark}\n"
        + "io: {source: {path: in}, sink: {path: out}}\n");
    assertThat(migration.diff()).startsWith("--- a/abs/cfg/raw.yml\n+++ b/abs/cfg/raw.yml\n");
  }

  @Test
  void whatNeedsAHumanIsKeptInTheFileAndListedOnceUntilThePersonDeletesIt() {
    String text = "# the gold layer\nlayer: gold\nio:\n  source: {path: in}\n  sink: {path: out, catalog: {database: a}}\n";
    Migration first = Migration.of("g.yml", text);
    assertThat(first.forHuman()).singleElement().asString().startsWith("g.yml: io.sink.catalog: prodi writes to a path");
    assertThat(first.notes()).as("not also a note").isEmpty();
    assertThat(first.text()).startsWith("# the gold layer\n# prodi migrate: needs a human: io.sink.catalog: ")
        .doesNotContain("catalog: {");
    Migration again = Migration.of("g.yml", first.text());
    assertThat(again.changed()).isFalse();
    assertThat(again.forHuman()).isEqualTo(first.forHuman());
    String done = first.text().replaceAll("(?m)^# prodi migrate: needs a human: .*\n", "");
    assertThat(Migration.of("g.yml", done).forHuman()).isEmpty();
  }
}
