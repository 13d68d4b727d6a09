package io.prodi.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The four layers of the medallion chain, with what differs between them. */
public enum Layer {
  RAW("io.prodi.layers.RawLayer", "overwrite", "raw_input"),
  BRONZE("io.prodi.layers.BronzeLayer", "append", null),
  SILVER("io.prodi.layers.SilverLayer", "append", null),
  GOLD("io.prodi.layers.GoldLayer", "append", null);

  private final String mainClass;
  private final String defaultSinkMode;
  private final String defaultTempView;

  Layer(String mainClass, String defaultSinkMode, String defaultTempView) {
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

  /** {@code overwrite} in raw, {@code append} elsewhere (CONTRACT.md §7). */
  public String defaultSinkMode() {
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
