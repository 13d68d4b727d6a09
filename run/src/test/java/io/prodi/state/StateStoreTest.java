package io.prodi.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.run.RunFailure;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir
  Path tmp;

  private StateStore store() {
    return new StateStore(tmp.resolve("state").toString(), new Configuration());
  }

  @Test
  void nothingStoredThenEachCommitIsTheNextGeneration() {
    StateStore store = store();
    assertThat(store.read("orders::db")).isEmpty();
    store.commit("orders::db", "2024-06-01 10:00:00", "updated_at", "run-1", 0);
    WatermarkState second = store.commit("orders::db", "2024-06-02 00:00:00", "updated_at", "run-2", 1);
    assertThat(second.generation()).isEqualTo(2);
    WatermarkState read = store.read("orders::db").orElseThrow();
    assertThat(read.value()).isEqualTo("2024-06-02 00:00:00");
    assertThat(read.field()).isEqualTo("updated_at");
    assertThat(read.runId()).isEqualTo("run-2");
    assertThat(read.updatedAt()).isNotBlank();
  }

  @Test
  void aCommitOnATakenGenerationFailsInsteadOfOverwriting() {
    StateStore store = store();
    store.commit("s", "1", "f", "run-a", 0);
    assertThatThrownBy(() -> store.commit("s", "2", "f", "run-b", 0)).isInstanceOf(RunFailure.class)
        .hasMessageStartingWith("Cannot commit the watermark of s: generation 1 was committed by another run first (");
    assertThat(store.read("s").orElseThrow().value()).isEqualTo("1");
  }

  @Test
  void aSecondLeaseFailsUntilTheFirstIsReleased() {
    StateStore store = store();
    store.lease("orders::db", "run-1");
    assertThatThrownBy(() -> store.lease("orders::db", "run-2")).isInstanceOf(RunFailure.class)
        .hasMessageStartingWith("Cannot run with state id orders::db: another run holds its lease ({\"run_id\":\"run-1\"")
        .hasMessageEndingWith("remove it with prodi state unlock --state-id orders::db -c <config>");
    store.release("orders::db");
    store.lease("orders::db", "run-2");
  }

  @Test
  void aStreamTakesOverALeaseIdleLongerThanTheLimitAndOnlySuchALease() throws Exception {
    StateStore store = store();
    store.lease("orders::bronze::topic", "dead-run");
    java.time.Duration limit = java.time.Duration.ofMinutes(10);
    assertThatThrownBy(() -> store.leaseOrTakeOver("orders::bronze::topic", "run-2", limit))
        .isInstanceOf(RunFailure.class).hasMessageContaining("another run holds its lease ({\"run_id\":\"dead-run\"");
    File lease = tmp.resolve("state").resolve("orders~3A~3Abronze~3A~3Atopic").resolve("lease.json").toFile();
    assertThat(lease).exists();
    assertThat(lease.setLastModified(System.currentTimeMillis() - limit.toMillis() - 60_000)).isTrue();
    assertThat(store.leaseOrTakeOver("orders::bronze::topic", "run-2", limit)).hasValueSatisfying(was ->
        assertThat(was).contains("\"run_id\":\"dead-run\""));
    assertThat(java.nio.file.Files.readString(lease.toPath())).contains("\"run_id\":\"run-2\"");
    assertThatThrownBy(() -> store.leaseOrTakeOver("orders::bronze::topic", "run-3", limit))
        .isInstanceOf(RunFailure.class).hasMessageContaining("run-2");
  }

  @Test
  void documentsAreWrittenWholeUnderAnEscapedNameAndOldOnesArePruned() {
    StateStore store = store();
    for (int i = 0; i < 8; i++) {
      store.commit("a/b::c d", String.valueOf(i), "f", "run-" + i, i);
    }
    File folder = tmp.resolve("state/a~2Fb~3A~3Ac~20d").toFile();
    assertThat(Arrays.stream(folder.list()).filter(n -> n.endsWith(".json")).sorted())
        .containsExactly("v-000000000004.json", "v-000000000005.json", "v-000000000006.json", "v-000000000007.json",
            "v-000000000008.json");
    assertThat(store.read("a/b::c d").orElseThrow().value()).isEqualTo("7");
  }

  @Test
  void resetForgetsTheValue() {
    StateStore store = store();
    store.commit("s", "1", "f", "run", 0);
    assertThat(store.generation("s")).isEqualTo(1);
    store.reset("s");
    assertThat(store.read("s")).isEmpty();
    assertThat(store.generation("s")).as("a reset is a new generation: generations never go back").isEqualTo(2);
    store.commit("s", "2", "f", "run", 2);
    assertThat(store.generation("s")).isEqualTo(3);
    assertThat(store.read("s").orElseThrow().value()).isEqualTo("2");
  }
}
