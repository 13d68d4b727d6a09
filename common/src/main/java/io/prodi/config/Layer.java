package io.prodi.config;

import io.prodi.sink.WriteMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The four layers of the medallion chain, with what differs between them. */
public enum Layer {
  RAW("io.prodi.layers.RawLayer", WriteMode.OVERWRITE, "raw_input"),
  BRONZE("io.prodi.layers.BronzeLayer", WriteMode.APPEND, null),
  SILVER("io.prodi.layers.SilverLayer", WriteMode.APPEND, null),
  GOLD("io.prodi.layers.GoldLayer", WriteMode.APPEND, null);

  private final String mainClass;
  private final WriteMode defaultSinkMode;
  private final String defaultTempView;

  Layer(String mainClass, WriteMode defaultSinkMode, String defaultTempView) {
    this.mainClass = mainClass;
    this.defaultSinkMode = defaultSinkMode;
    this.defaultTempView = defaultTempView;
  }

  /** The lower-case name used in configs, commands and messages. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String mainClass() {
    return mainClass;
  }

  /** {@code overwrite} in raw, {@code append} elsewhere. */
  public WriteMode defaultSinkMode() {
    return defaultSinkMode;
  }

  /** The extra view name of the input when the config gives no {@code temp_view}. */
  public Optional<String> defaultTempView() {
    return Optional.ofNullable(defaultTempView);
  }

  public static Optional<Layer> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String lower = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.id().equals(lower)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Layer::id).collect(Collectors.toUnmodifiableList());
  }
}
