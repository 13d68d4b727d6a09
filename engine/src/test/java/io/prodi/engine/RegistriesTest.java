package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.api.Transform;
import io.prodi.config.FunctionSpec;
import io.prodi.engine.spi.Registries;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each engine registry covers exactly the types its config registry accepts. */
class RegistriesTest {
  @ParameterizedTest
  @ValueSource(strings = {"io.prodi.engine.source.SourceReaders", "io.prodi.engine.sink.SinkWriters",
      "io.prodi.engine.transform.PreStepFunctions", "io.prodi.engine.dq.Rules"})
  void everyEngineRegistryLoadsWithOneEntryPerConfigType(String registry) {
    assertThatCode(() -> Class.forName(registry, true, getClass().getClassLoader())).doesNotThrowAnyException();
  }

  @Test
  void aTypeTheConfigAcceptsButTheEngineCannotRunStopsTheEngineFromLoading() {
    assertThatThrownBy(() -> Registries.requireSameNames("sink", Set.of("files", "jdbc", "kafka"),
        Set.of("files", "jdbc", "table")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot load the sink registry: the config types and the engine types differ"
            + " (only in the config: [kafka], only in the engine: [table])");
  }

  @Test
  void theConfigChecksFunctionClassesAgainstTheEngineTransformInterface() {
    assertThat(FunctionSpec.TRANSFORM_API).isEqualTo(Transform.class.getName());
  }
}
