package io.prodi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What prodi promises on every object store, run against each emulator by a subclass. */
abstract class ObjectStoreContract extends ObjectStoreTestBase {
  private static final String[] SILVER = {"transaction_id", "account_id", "amount", "currency", "posted_date"};
  private static final String[] GOLD = {"account_id", "posted_date", "total_amount", "transactions"};

  @Test
  void validatesAndRunsALayerWhoseConfigExtendsABaseOnTheStore() {
    landDay("day1");
    assertExit(onStore("validate", "-c", storeConfig("raw/transactions.yml")), 0);

    CliRun raw = onStore("run-layer", "raw", "-c", storeConfig("raw/transactions.yml"));

    assertExit(raw, 0);
    assertThat(storeRows("parquet", "data/raw/transactions", "transaction_id"))
        .containsExactly("T1", "T2", "T3", "T4", "T5", "T6");
    assertThat(raw.summary().path("watermarks").get(0).path("after").asText()).isEqualTo("2024-06-02");
    assertThat(state("raw/transactions.yml", "transactions::raw::transactions")).contains("\"value\":\"2024-06-02\"");
  }

  @Test
  void reportsAConfigMistakeOnTheStoreWithItsUriAndPath() {
    String broken = cfgRoot() + "/broken/raw.yml";
    files().write(broken, "extends: ../cfg/base/raw.yml\nio:\n  source: {path: landing/, format: parquett}\n"
        + "  sink: {path: data/raw/x}\n");

    CliRun run = onStore("validate", "-c", broken);

    assertExit(run, 2);
    assertThat(run.errors()).anySatisfy(line -> assertThat(line).startsWith("prodi: error: " + broken + ": io.source.format: "
        + "Cannot use format 'parquett': unknown format, did you mean 'parquet'?"));
  }

  @Test
  void pipelineOnTheStoreMatchesTheLocalRunAndARerunAfterAFailureRepairsIt() {
    landDay("day1");
    CliRun first = onStore("run-pipeline", "-p", storeConfig("pipelines/transactions.yml"));
    assertExit(first, 0);
    credentials().values().forEach(secret -> assertThat(first.out() + first.err()).doesNotContain(secret));
    assertExit(onLocalFiles("run-pipeline", "-p", localConfig("pipelines/transactions.yml")), 0);
    assertSameTables();
    assertThat(storeRows("delta", "data/silver/transactions", "transaction_id")).containsExactly("T1", "T2", "T3", "T6");
    assertThat(storeRows("parquet", "data/quarantine/transactions", "transaction_id")).containsExactly("T4", "T5");
    List<String> goldBefore = storeRows("delta", "data/gold/account_daily", GOLD);
    String silverState = state("silver/transactions.yml", "transactions::silver::bronze_transactions");

    landDay("day2");
    CliRun failed = onStore("run-pipeline", "-p", storeConfig("pipelines/transactions.yml"),
        "--vars", "GUARD=assert_true(amount < 0) IS NULL");

    assertExit(failed, 1);
    assertThat(failed.err()).contains("[silver]");
    assertThat(state("silver/transactions.yml", "transactions::silver::bronze_transactions")).isEqualTo(silverState);
    assertThat(storeRows("delta", "data/gold/account_daily", GOLD)).isEqualTo(goldBefore);
    assertThat(storeRows("delta", "data/silver/transactions", "transaction_id")).containsExactly("T1", "T2", "T3", "T6");

    assertExit(onStore("run-pipeline", "-p", storeConfig("pipelines/transactions.yml")), 0);
    assertExit(onLocalFiles("run-pipeline", "-p", localConfig("pipelines/transactions.yml")), 0);
    assertSameTables();
    assertThat(storeRows("parquet", "data/raw/transactions", "transaction_id")).hasSize(9);
    assertThat(storeRows("delta", "data/silver/transactions", "transaction_id", "amount"))
        .containsExactly("T1|10.00", "T2|-2.50", "T3|300.00", "T6|45.00", "T7|1.25", "T8|99.00");
    assertThat(state("silver/transactions.yml", "transactions::silver::bronze_transactions")).isNotEqualTo(silverState);
  }

  @Test
  void dataIsReachedOnlyThroughTheEnvironmentConfigsKeys() {
    String unreached = scheme() + "://prodi-unreached/" + dataRoot().substring(dataRoot().indexOf("/", 6) + 1);
    CliRun run = prodi("local", cfgRoot() + "/cfg", unreached, "run-layer", "raw", "-c", storeConfig("raw/transactions.yml"));

    assertExit(run, 1);
    assertThat(run.errors()).singleElement().satisfies(line -> assertThat(line).startsWith("prodi: error: ")
        .contains(unreached));
  }

  @Test
  void refusesTlsOffForAStoreThatIsNotOnLoopback() {
    String env = cfgRoot() + "/cfg/env/plain-http.yml";
    files().write(env, "name: plain\nstorage:\n  " + storeName() + ": {endpoint: \"http://storage.example.com\"}\n");

    CliRun run = prodi("plain-http", cfgRoot() + "/cfg", dataRoot(), "validate", "-c", storeConfig("raw/transactions.yml"));

    assertExit(run, 2);
    assertThat(run.errors()).anySatisfy(line -> assertThat(line).isEqualTo("prodi: error: " + env + ": storage."
        + storeName() + ".endpoint: Cannot turn TLS off for " + storeName()
        + ": an http:// endpoint is allowed only on a loopback address (http://storage.example.com)"));
  }

  /** The tables of the store run equal those of the same pipeline on local files. */
  private void assertSameTables() {
    assertThat(storeRows("delta", "data/bronze/transactions", SILVER))
        .isEqualTo(localRows("delta", "data/bronze/transactions", SILVER));
    assertThat(storeRows("delta", "data/silver/transactions", SILVER))
        .isEqualTo(localRows("delta", "data/silver/transactions", SILVER));
    assertThat(storeRows("parquet", "data/quarantine/transactions", SILVER))
        .isEqualTo(localRows("parquet", "data/quarantine/transactions", SILVER));
    assertThat(storeRows("delta", "data/gold/account_daily", GOLD))
        .isEqualTo(localRows("delta", "data/gold/account_daily", GOLD)).isNotEmpty();
    assertThat(storeRows("csv", "data/gold/account_daily_csv", GOLD))
        .isEqualTo(localRows("csv", "data/gold/account_daily_csv", GOLD));
  }

  /** {@code prodi state show} of a state id, run against the store. */
  private String state(String config, String stateId) {
    CliRun show = onStore("state", "show", "--state-id", stateId, "-c", storeConfig(config));
    assertExit(show, 0);
    return show.out().trim();
  }
}
