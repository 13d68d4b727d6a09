package io.prodi.engine.source;

import io.prodi.engine.LayerRuns;
import io.prodi.testing.LayerRunTestBase;
import io.prodi.testing.LocalKafka;
import io.prodi.testing.RunOutput;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/** Layer runs against the local Kafka broker (bin/local-kafka), without the command line; no broker fails the test. */
abstract class KafkaTestBase extends LayerRunTestBase<RunOutput> {
  @Override
  protected RunOutput runLayer(String config, Path base, String... more) {
    return LayerRuns.run(config, base, more);
  }

  @BeforeEach
  void broker() {
    LocalKafka.requireBroker();
  }
}
