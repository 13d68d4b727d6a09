package io.prodi.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.run.RunFailure;
import io.prodi.storage.TableFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The format registry: every format the config language knows has its class, and each answers for itself. */
class FormatIOsTest {
  @Test
  void everyFormatHasItsWritesAndAFormatWithVersionsOrMergesHasAClassOfItsOwn() {
    for (TableFormat format : TableFormat.values()) {
      FormatIO io = FormatIOs.of(format);
      assertThat(io).as(format.id()).isNotNull();
      assertThat(io.format()).isEqualTo(format);
      if (format.mergesByKey() || format.readsByVersion()) {
        assertThat(io).as(format.id() + " merges or keeps versions: plain files' rules cannot serve it")
            .isNotInstanceOf(FilesFormat.class);
      }
    }
    assertThat(FormatIOs.of(TableFormat.DELTA)).isInstanceOf(DeltaFormat.class);
    assertThat(FormatIOs.of(TableFormat.ICEBERG)).isInstanceOf(IcebergFormat.class);
  }

  @Test
  void sparkKnowsJsonLinesAsJsonAndEveryOtherFormatByItsName() {
    assertThat(FormatIOs.named("jsonl").sparkName()).isEqualTo("json");
    assertThat(FormatIOs.named("parquet").sparkName()).isEqualTo("parquet");
    assertThat(FormatIOs.named("delta").sparkName()).isEqualTo("delta");
  }

  @Test
  void plainFilesHaveNoVersionsToReadChangesFrom() {
    assertThatThrownBy(() -> FormatIOs.named("csv").changesSince(null, "/data/in", 3, Optional.empty()))
        .isInstanceOf(RunFailure.class).hasMessage("Cannot read the changes of /data/in: format csv keeps no "
            + "versions (by: version needs delta or iceberg)");
    assertThatThrownBy(() -> FormatIOs.named("xml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot write format xml: no such format (valid: [avro, csv, delta, iceberg,");
  }
}
