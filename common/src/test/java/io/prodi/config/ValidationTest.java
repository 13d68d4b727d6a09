package io.prodi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.config.load.ConfigLoader;
import io.prodi.env.RunEnvironment;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.TestConfigFiles;
import io.prodi.yaml.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of config error, each with its exact message and YAML path. */
class ValidationTest {
  private static final String SOURCE = "  source: {path: in}\n";
  private static final String SINK = "  sink: {path: out}\n";

  @TempDir
  Path tmp;

  /** The problem lines ("path: message") of a config, errors and warnings alike. */
  private List<String> problems(String yaml, Map<String, String> env) {
    String file = new ConfigFolder(tmp).write("cfg.yml", yaml);
    try {
      return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(env, Map.of()), Map.of(), tmp.toString())
          .loadLayer(file, Optional.empty()).problems().stream()
          .map(p -> p.severity() + " " + p.path() + ": " + p.message()).collect(Collectors.toList());
    } catch (ConfigException e) {
      return e.problems().stream().map(p -> p.severity() + " " + p.path() + ": " + p.message())
          .collect(Collectors.toList());
    }
  }

  private List<String> problems(String yaml) {
    return problems(yaml, Map.of());
  }

  private static String layer(String io, String rest) {
    return "layer: silver\nio:\n" + io + rest;
  }

  @Test
  void aValidConfigHasNoProblems() {
    assertThat(problems(layer(SOURCE + SINK, "transform: {sql: 'SELECT * FROM __INPUT__'}\n"))).isEmpty();
  }

  @Test
  void unknownKeysNameTheClosestValidKey() {
    assertThat(problems("layer: raw\nio:\n" + SOURCE + SINK + "tranform: {}\n")).containsExactly(
        "ERROR tranform: Cannot use key 'tranform' in a layer config: unknown key, did you mean 'transform'? "
            + "(valid keys: catalogs, compute, database_config, dataset_config, description, dq, dry_run, environment, "
            + "environment_config, io, layer, lineage, refresh, state, storage, transform, trigger)");
  }

  @Test
  void aMisspeltKeyIsOneLineWithoutTheErrorsItsAbsenceCauses() {
    String scd2 = "  sink: {path: out, format: delta, mode: scd2, merge: {keys: [id], sequence: seq, "
        + "delete_when: \"op = 'D'\"}}\n";
    assertThat(problems(layer(SOURCE + scd2, ""))).containsExactly(
        "ERROR io.sink.merge.sequence: Cannot use key 'sequence' in merge: unknown key, did you mean 'sequence_by'? "
            + "(valid keys: delete_when, except_columns, keys, schema_evolution, sequence_by, snapshot, track_history)");
    // without the misspelling the same mapping still gets both errors: they are left out only as its follow-ons
    assertThat(problems(layer(SOURCE + scd2.replace("sequence: seq, ", ""), ""))).extracting(p -> p.split(":")[0])
        .containsExactly("ERROR io.sink.merge", "ERROR io.sink.merge.delete_when");
    // an unknown key with no close valid key leaves the other errors in place
    assertThat(problems(layer(SOURCE + scd2.replace("sequence: seq", "zzz: seq"), ""))).hasSize(3);
  }

  @Test
  void yamlSyntaxErrorsNameTheLineAndColumnOfTheProblemAndItsReason() {
    assertThat(problems("layer: raw\nio:\n  source: {path: in}\n  sink:\n\t  path: out\n")).containsExactly(
        "ERROR line 5, column 1: Cannot parse YAML: a tab cannot start a token (indent with spaces)");
    assertThat(problems("layer: raw\nio: {source: {path: in}\n")).singleElement().asString()
        .startsWith("ERROR line 3, column 1: Cannot parse YAML: ");
  }

  @Test
  void aLayerConfigWrittenAsAListItemIsNotReadAsAPipeline() {
    com.fasterxml.jackson.databind.JsonNode tree = io.prodi.yaml.YamlTree.parse(
        "- layer: raw\n  io: {source: {path: a}, sink: {path: b}}\n", new io.prodi.yaml.Findings("f"));
    assertThat(io.prodi.config.load.ConfigFileKind.of("f.yml", tree))
        .isEqualTo(io.prodi.config.load.ConfigFileKind.LAYER);
    assertThat(problems("- layer: raw\n  io: {source: {path: a}, sink: {path: b}}\n")).singleElement().asString()
        .startsWith("ERROR $: Cannot read ");
    assertThat(io.prodi.config.load.ConfigFileKind.of("f.yml", io.prodi.yaml.YamlTree.parse(
        "- {layer: raw, config: raw.yml}\n", new io.prodi.yaml.Findings("f"))))
        .isEqualTo(io.prodi.config.load.ConfigFileKind.PIPELINE);
  }

  @Test
  void lineageTargetsAreCheckedWhereTheyAreWritten() {
    assertThat(problems(layer(SOURCE + SINK, "lineage: {transport: kafka}\n"))).containsExactly(
        "ERROR lineage.transport: Cannot use lineage transport 'kafka': unknown lineage transport (valid: file, http)");
    assertThat(problems(layer(SOURCE + SINK, "lineage: {transport: file, path: 'gs://b/events.jsonl'}\n")))
        .containsExactly("ERROR lineage.path: Cannot append lineage events to gs://b/events.jsonl: the file transport "
            + "writes a local file; use transport: http for a lineage service (gs://b/events.jsonl)");
    assertThat(problems(layer(SOURCE + SINK, "lineage: {transport: http, url: 'marquez:5000', path: x}\n")))
        .containsExactly("ERROR lineage.url: Cannot send lineage events to marquez:5000: expected an http:// or "
            + "https:// URL (marquez:5000)", "ERROR lineage.path: Cannot use lineage.path with transport http: it "
            + "belongs to the file transport (x)");
    assertThat(problems(layer(SOURCE + SINK, "lineage: {transport: http}\n"))).singleElement().asString()
        .startsWith("ERROR lineage.url: ");
  }

  @Test
  void aMisspeltKeyBesideThePythonAliasesStillFailsAndNamesTheClosestKey() {
    assertThat(problems(layer("  source: {type: http, url: 'https://api.example.com', auth: {type: bearer_env, "
        + "token_evn: T}}\n" + SINK, ""))).containsExactly(
        "ERROR io.source.auth.token_evn: Cannot use key 'token_evn' in auth bearer_env: unknown key, did you mean "
            + "'token_env'? (valid keys: header, prefix, token_env, type)"); // not also "token_env is required"
    assertThat(problems(layer("  source: {type: http, url: 'https://api.example.com', auth: {type: bearer_env, "
        + "env: T}}\n" + SINK, ""), Map.of("T", "tok"))).isEmpty();
  }

  @Test
  void unknownKeysFarFromAnyValidOneListTheValidKeys() {
    assertThat(problems(layer("  source: {path: in, zzzzzzzz: 1}\n" + SINK, ""))).containsExactly(
        "ERROR io.source.zzzzzzzz: Cannot use key 'zzzzzzzz' in a files source: unknown key (valid keys: format, "
            + "incremental, local_fallback, name, options, path, preferred_protocol, relative_path, schema, type, "
            + "uri, uris, use_local_fallback)");
  }

  @Test
  void wrongTypesSayWhatWasExpected() {
    assertThat(problems(layer(SOURCE + "  sink: {path: out, coalesce: many, partition_by: {a: 1}}\n",
        "dry_run: \"false\"\n"))).containsExactly(
        "ERROR dry_run: Cannot read dry_run: expected a YAML boolean (true or false, unquoted) (false)",
        "ERROR io.sink.partition_by.a: Cannot read a: expected a list ({\"a\":1})".replace(".a: Cannot read a", ": Cannot read partition_by"),
        "ERROR io.sink.coalesce: Cannot read coalesce: expected a whole number (many)");
  }

  @Test
  void missingRequiredKeysAreNamed() {
    assertThat(problems("io: {}\n")).containsExactly(
        "ERROR layer: Cannot read layer: the layer (raw, bronze, silver, gold) is required (missing)",
        "ERROR io.source: Cannot read source: at least one source is required (missing)",
        "ERROR io.sink: Cannot read sink: at least one sink (use kind: noop to write nothing on purpose) is "
            + "required (missing)");
  }

  @Test
  void unknownTypesFormatsModesAndStrategiesListTheValidOnes() {
    assertThat(problems(layer("  source:\n"
        + "    - {type: htp, url: 'https://x'}\n"
        + "    - {path: a, format: parquett}\n"
        + "    - {type: http, url: 'https://api.example.com', pagination: {strategy: cursr}}\n"
        + "  sink: {path: out, mode: upsert}\n", ""))).containsExactly(
        "ERROR io.source[0].type: Cannot use source type 'htp': unknown source type, did you mean 'http'? "
            + "(valid: bigquery, files, http, jdbc, kafka, table)",
        "ERROR io.source[1].format: Cannot use format 'parquett': unknown format, did you mean 'parquet'? "
            + "(valid: avro, csv, delta, json, jsonl, orc, parquet, text)",
        "ERROR io.source[2].pagination.strategy: Cannot use pagination strategy 'cursr': unknown pagination strategy, "
            + "did you mean 'cursor'? (valid: cursor, link_header, next_url, none, offset, page_number, "
            + "param_increment)",
        "ERROR io.sink.mode: Cannot use write mode 'upsert': unknown write mode (valid: append, error, ignore, "
            + "merge, overwrite, scd2)");
  }

  @Test
  void unknownExpectationTypesAndPreStepsNameTheClosest() {
    assertThat(problems(layer(SOURCE + SINK,
        "transform: {pre: [{dedup: {keys: [a]}}]}\ndq: {expectations: [{type: not_nul, column: a}]}\n")))
        .containsExactly(
            "ERROR transform.pre[0]: Cannot use pre step 'dedup': unknown pre step, did you mean 'dedupe'? (valid: "
                + "add_metadata, cast, dedupe, drop, filter, rename, select, trim)",
            "ERROR dq.expectations[0].type: Cannot use expectation type 'not_nul': unknown expectation type, did "
                + "you mean 'not_null'? (valid: anomaly, columns_exist, condition, freshness, max_row_count, min_row_count, "
                + "non_negative, not_null, primary_key, range, referential, regex, unique, valid_values, value_parses)");
  }

  @Test
  void literalCredentialsAreRefusedWithoutEchoingThem() {
    List<String> found = problems(layer("  source:\n"
        + "    type: http\n    url: https://api.example.com\n    headers: {Authorization: Bearer sk-live-123}\n"
        + "    auth: {type: bearer_env, token: sk-live-123}\n"
        + "  sink: {type: jdbc, url: 'jdbc:postgresql://db.example.com/x?password=hunter2', table: t}\n",
        "storage: {s3: {credentials: {secret_key: AKIAXXXX}, hadoop: {fs.s3a.secret.key: AKIAXXXX}}}\n"));
    assertThat(found).containsExactly(
        "ERROR io.source.headers.Authorization: Cannot send a literal credential in header Authorization: use auth "
            + "with a variable's name instead (value hidden)",
        "ERROR io.source.auth.token: Cannot use a literal credential in token: credentials come from environment "
            + "variables, use token_env with the variable's name (value hidden)",
        "ERROR io.source.auth.token_env: Cannot read token_env: the name of an environment variable is required "
            + "(missing)",
        "ERROR io.sink.url: Cannot use a literal password in the JDBC URL: use auth.password_env (value hidden)",
        "ERROR storage.s3.credentials.secret_key: Cannot use a literal credential in secret_key: credentials are "
            + "names of environment variables, use secret_key_env (value hidden)",
        "ERROR storage.s3.hadoop.fs.s3a.secret.key: Cannot use a literal credential in Hadoop key fs.s3a.secret.key: "
            + "put the variable's name under credentials instead (value hidden)");
    assertThat(String.join("\n", found)).doesNotContain("sk-live-123", "hunter2", "AKIAXXXX");
  }

  @Test
  void turningTlsOffIsRefusedExceptOnLoopback() {
    assertThat(problems(layer("  source:\n"
        + "    - {type: jdbc, url: 'jdbc:postgresql://db.example.com:5432/x?sslmode=disable', table: t}\n"
        + "    - {type: jdbc, url: 'jdbc:mysql://10.0.0.5/x', table: t, options: {useSSL: 'false'}}\n"
        + "    - {type: http, url: 'http://api.example.com/v1'}\n"
        + "    - {type: jdbc, url: 'jdbc:postgresql://127.0.0.1:5432/x?sslmode=disable', table: t}\n"
        + "    - {type: http, url: 'http://localhost:8080/v1'}\n" + SINK,
        "storage:\n  s3: {endpoint: 'http://minio.example.com:9000'}\n"
            + "  gs: {hadoop: {fs.gs.storage.root.url: 'http://127.0.0.1:9023/'}}\n"))).containsExactly(
        "ERROR io.source[0].url: Cannot turn TLS off for db.example.com: allowed only for a loopback host "
            + "(sslmode=disable)",
        "ERROR io.source[1].options.useSSL: Cannot turn TLS off for 10.0.0.5: allowed only for a loopback host "
            + "(usessl=false)",
        "ERROR io.source[2].url: Cannot call http://api.example.com/v1: plain http:// turns TLS off, allowed only "
            + "on a loopback address (http://api.example.com/v1)",
        "ERROR storage.s3.endpoint: Cannot turn TLS off for s3: an http:// endpoint is allowed only on a loopback "
            + "address (http://minio.example.com:9000)");
  }

  @Test
  void aMissingCredentialVariableIsARunErrorAndASetOneIsFine() {
    String yaml = layer("  source: {type: jdbc, url: 'jdbc:postgresql://db.example.com/x', table: t, "
        + "auth: {user_env: DB_USER, password_env: DB_PASSWORD}}\n" + SINK, "");
    assertThat(problems(yaml, Map.of("DB_USER", "app"))).containsExactly(
        "RUN_ERROR io.source.auth.password_env: Cannot read credential: environment variable DB_PASSWORD is not set "
            + "(DB_PASSWORD)");
    assertThat(problems(yaml, Map.of("DB_USER", "app", "DB_PASSWORD", "x"))).isEmpty();
  }

  @Test
  void aQuarantineActionNeedsAQuarantineSink() {
    assertThat(problems(layer(SOURCE + SINK,
        "dq: {expectations: [{type: valid_values, column: c, values: [A, B], on_fail: quarantine}]}\n")))
        .containsExactly("ERROR dq.quarantine: Cannot quarantine the rows of valid_values_c: dq.quarantine names no "
            + "sink (missing)");
  }

  @Test
  void rowActionsApplyOnlyToRowLevelExpectationsAndNamesMustBeUnique() {
    assertThat(problems(layer(SOURCE + SINK, "dq:\n  expectations:\n"
        + "    - {type: unique, columns: [id], on_fail: drop}\n"
        + "    - {type: not_null, column: id}\n"
        + "    - {type: not_null, column: id, severity: warn}\n"))).containsExactly(
        "ERROR dq.expectations[0].on_fail: Cannot drop rows for a unique expectation: row actions apply to "
            + "row-level types (condition, non_negative, not_null, range, regex, valid_values, value_parses) (drop)",
        "ERROR dq.expectations: Cannot name two expectations not_null_id: names must be unique within a layer, give "
            + "one a name (not_null_id)");
  }

  @Test
  void aMergeNeedsKeysAndDelta() {
    assertThat(problems(layer(SOURCE + "  sink: {path: out, mode: merge}\n", ""))).containsExactly(
        "ERROR io.sink.mode: Cannot merge into parquet files: mode merge needs format delta (parquet)",
        "ERROR io.sink.merge.keys: Cannot merge: merge.keys must name the key columns of the upsert (missing)");
  }

  @Test
  void changeDataMistakesAreFoundAllAtOnceWithTheirPaths() {
    assertThat(problems(layer(SOURCE + "  sink: {path: out, format: delta, mode: scd2, merge: {track_history: [id, seq],"
        + " except_columns: [id], delete_when: 'op = = 1', schema_evolution: some}}\n", ""))).containsExactly(
        "ERROR io.sink.merge.schema_evolution: Cannot use schema_evolution 'some': unknown schema_evolution, did you "
            + "mean 'none'? (valid: none, add_columns)",
        "ERROR io.sink.merge.keys: Cannot merge: merge.keys must name the key columns of the upsert (missing)",
        "ERROR io.sink.merge: Cannot keep history without an order: mode scd2 needs merge.sequence_by, or snapshot: "
            + "true (sequence_by missing)",
        "ERROR io.sink.merge.delete_when: Cannot parse delete_when: syntax error at or near '=' at line 1, position 5 "
            + "(op = = 1)",
        "ERROR io.sink.merge.delete_when: Cannot delete without an order: delete_when needs merge.sequence_by, so an "
            + "older change never brings a deleted key back (op = = 1)");
    assertThat(problems(layer(SOURCE + "  sink: {path: out, format: delta, mode: scd2, merge: {keys: [id], "
        + "sequence_by: seq, track_history: [id, seq, name], except_columns: [id, seq]}}\n", ""))).containsExactly(
        "ERROR io.sink.merge.track_history: Cannot track history of id: it is a key or the sequence column, which "
            + "never change within a version (id)",
        "ERROR io.sink.merge.track_history: Cannot track history of seq: it is a key or the sequence column, which "
            + "never change within a version (seq)",
        "ERROR io.sink.merge.except_columns: Cannot leave key id out of the table: except_columns must not name a key "
            + "(id)");
    assertThat(problems(layer(SOURCE + "  sink: {path: out, format: delta, mode: merge, merge: {keys: [id], "
        + "sequence_by: seq, track_history: [name], except_columns: [seq]}}\n", ""))).containsExactly(
        "ERROR io.sink.merge.track_history: Cannot track history in mode merge: track_history applies to mode scd2 "
            + "(name)",
        "ERROR io.sink.merge.except_columns: Cannot leave the sequence column out in mode merge: the table keeps it to "
            + "ignore changes older than a row (seq)");
    assertThat(problems(layer(SOURCE + "  sink: {path: out, format: delta, mode: scd2, merge: {keys: [id], "
        + "snapshot: true, delete_when: \"op = 'D'\"}}\n", ""))).containsExactly(
        "ERROR io.sink.merge.delete_when: Cannot use delete_when with snapshot: true: in a snapshot the keys that "
            + "vanish are the deletes (op = 'D')");
    assertThat(problems(layer(SOURCE + "  sink: {path: out, format: delta, mode: append, merge: {keys: [id]}}\n",
        ""))).containsExactly("ERROR io.sink.merge: Cannot use merge with mode append: it applies to modes merge and "
            + "scd2 ({\"keys\":[\"id\"]})");
    assertThat(problems(layer(SOURCE + "  sink: {path: out, mode: scd2, merge: {keys: [id], sequence_by: seq}}\n",
        ""))).containsExactly("ERROR io.sink.mode: Cannot merge into parquet files: mode scd2 needs format delta "
            + "(parquet)");
    assertThat(problems(layer(SOURCE + "  sink: {path: out, format: delta, mode: scd2, merge: {keys: [id], "
        + "sequence_by: seq, delete_when: \"op = 'D'\", except_columns: [op, seq], track_history: [name]}}\n", "")))
        .isEmpty();
  }

  @Test
  void readingByVersionNeedsADeltaSourceAndOneWay() {
    assertThat(problems(layer("  source: [{name: a, path: in, incremental: {by: version}},\n"
        + "    {name: b, format: delta, path: in, incremental: {by: version, watermark: {field: x}}},\n"
        + "    {name: c, format: delta, path: in, incremental: {by: time}},\n"
        + "    {name: d, format: delta, path: in, incremental: {by: version, state_id: silver::d}},\n"
        + "    {name: e, type: table, table: db.t, incremental: {by: version}}]\n" + SINK, "")))
        .containsExactly(
            "ERROR io.source[0].incremental.by: Cannot read by version: incremental.by version reads the changes of a "
                + "Delta table (a files source) or of an Iceberg table, this source is parquet (version)",
            "ERROR io.source[1].incremental: Cannot read incrementally two ways: use incremental.watermark or "
                + "incremental.by, not both ({\"by\":\"version\",\"watermark\":{\"field\":\"x\"}})",
            "ERROR io.source[2].incremental.by: Cannot use incremental.by 'time': unknown incremental.by (valid: "
                + "files, version)",
            "ERROR io.source[4].incremental.by: Cannot read by version: incremental.by version reads the changes of a "
                + "Delta table (a files source) or of an Iceberg table, this source is a table of the session catalog "
                + "(version)");
  }

  @Test
  void functionsMustBeClassesOnTheClassPathImplementingTransform() {
    assertThat(problems(layer(SOURCE + SINK, "transform:\n  functions:\n"
        + "    - {class: com.acme.Missing}\n"
        + "    - {class: java.lang.String}\n"
        + "    - {class: io.prodi.testing.UppercaseNames, params: {columns: [a]}}\n"))).containsExactly(
        "ERROR transform.functions[0].class: Cannot load function class: not on the class path (com.acme.Missing)",
        "ERROR transform.functions[1].class: Cannot use java.lang.String as a function: it does not implement "
            + "io.prodi.api.Transform (java.lang.String)");
  }

  @Test
  void sqlExpressionsTypesAndSchemasAreParsedWithSparksParser() {
    assertThat(problems(layer("  source: {path: in, schema: 'id INT, name STRIN'}\n" + SINK,
        "transform:\n  pre: [{filter: 'amount >'}, {cast: {amount: 'decimal(18,2', ok: 'date'}}]\n"
            + "  sql: ['CREATE TEMP VIEW v AS SELECT 1', 'SELEC * FROM v']\n"
            + "dq: {expectations: [{type: condition, expr: 'a <> ', name: c1}]}\n"))).containsExactly(
        "ERROR io.source.schema: Cannot parse schema: unsupported data type \"STRIN\" at line 1, position 13 "
            + "(id INT, name STRIN)",
        "ERROR transform.pre[0].filter: Cannot parse filter: syntax error at or near end of input at line 1, "
            + "position 8 (amount >)",
        "ERROR transform.pre[1].cast.amount: Cannot cast amount: not a Spark SQL type, syntax error at or near end "
            + "of input: extra input end of input at line 1, position 12 (decimal(18,2)",
        "ERROR transform.sql[1]: Cannot parse SQL: syntax error at or near 'SELEC' at line 1, position 0 "
            + "(SELEC * FROM v)",
        "ERROR dq.expectations[0].expr: Cannot parse condition: syntax error at or near end of input at line 1, "
            + "position 5 (a <> )");
  }

  @Test
  void aLayerMismatchAndAnUnknownLayerAreErrors() {
    assertThat(problems("layer: platinum\nio:\n" + SOURCE + SINK)).containsExactly(
        "ERROR layer: Cannot use layer 'platinum': unknown layer (valid: raw, bronze, silver, gold)");
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnce() {
    assertThat(problems("layer: raw\ndry_run: 'no'\nio:\n  source: {type: ftp}\n  sink: {fromat: csv}\n"
        + "dq: {fail_on_error: 'yes'}\n")).containsExactly(
        "ERROR dry_run: Cannot read dry_run: expected a YAML boolean (true or false, unquoted) (no)",
        "ERROR io.source.type: Cannot use source type 'ftp': unknown source type, did you mean 'http'? (valid: "
            + "bigquery, files, http, jdbc, kafka, table)",
        "ERROR io.sink.fromat: Cannot use key 'fromat' in a files sink: unknown key, did you mean 'format'? (valid "
            + "keys: coalesce, format, kind, local_fallback, merge, mode, name, options, partition_by, path, "
            + "preferred_protocol, relative_path, repartition, table_properties, type, uri, uris, use_local_fallback)",
        "ERROR io.sink: Cannot locate files sink: none of uri, path, uris, relative_path, local_fallback is set",
        "ERROR dq.fail_on_error: Cannot read fail_on_error: expected a YAML boolean (true or false, unquoted) (yes)");
  }

  /** A malformed bound would compare as text and turn the range check off: it is an error with its path. */
  @Test
  void aRangeBoundMustBeANumberADateOrATimestamp() {
    assertThat(problems(layer(SOURCE + SINK, "dq:\n  expectations:\n"
        + "    - {type: range, column: amount, min: 0, max: 1e8x}\n"
        + "    - {type: range, column: day, min: '2024-01-01', max: '2024-06-30 23:59:59'}\n"
        + "    - {type: range, column: amount, max: 1e8, name: upper}\n"))).containsExactly(
        "ERROR dq.expectations[0].max: Cannot read max: expected a number, a date (yyyy-MM-dd) or a timestamp "
            + "(yyyy-MM-dd HH:mm:ss) that exists (1e8x)");
  }
}
