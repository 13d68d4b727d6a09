package io.prodi.source;

import io.prodi.yaml.ConfigNode;
import io.prodi.storage.TableFormat;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** {@code incremental.watermark} of a source. */
public final class WatermarkSpec {
  public static final Set<String> INCREMENTAL_KEYS = Set.of("watermark", "by", "state_id", "max_files_per_run",
      "max_file_age");
  /** How long a file of a {@code by: files} source is remembered by name: older ones count as read. */
  public static final Duration DEFAULT_MAX_FILE_AGE = Duration.ofDays(7);
  /** The column a read by version carries: the table version of each change, its watermark. */
  public static final String COMMIT_VERSION = "_commit_version";
  /** What a planned position's summary calls its field. */
  public static final String POSITION = "position";
  /** The keys of every watermark; an http source also takes {@code param}. */
  public static final Set<String> KEYS = Set.of("field", "state_id", "default", "from_env", "lag");
  public static final String DEFAULT_VALUE = "1970-01-01T00:00:00Z";
  public static final String DEFAULT_PLACEHOLDER = "${RAW_WM_TS}";

  private final String field;
  private final String stateId;
  private final String defaultValue;
  private final String fromEnv;
  private final String param;
  private final Duration lag;
  private final String placeholder;
  private final boolean byVersion;
  private final boolean planned;
  private final Integer maxFilesPerRun;
  private final Duration maxFileAge;

  private WatermarkSpec(String field, String stateId, String defaultValue, String fromEnv, String param,
      Duration lag, String placeholder) {
    this(field, stateId, defaultValue, fromEnv, param, lag, placeholder, false);
  }

  private WatermarkSpec(String field, String stateId, String defaultValue, String fromEnv, String param,
      Duration lag, String placeholder, boolean byVersion) {
    this(field, stateId, defaultValue, fromEnv, param, lag, placeholder, byVersion, false, null, DEFAULT_MAX_FILE_AGE);
  }

  private WatermarkSpec(String field, String stateId, String defaultValue, String fromEnv, String param,
      Duration lag, String placeholder, boolean byVersion, boolean planned, Integer maxFilesPerRun,
      Duration maxFileAge) {
    this.planned = planned;
    this.maxFilesPerRun = maxFilesPerRun;
    this.maxFileAge = maxFileAge;
    this.field = field;
    this.byVersion = byVersion;
    this.stateId = stateId;
    this.defaultValue = defaultValue;
    this.fromEnv = fromEnv;
    this.param = param;
    this.lag = lag;
    this.placeholder = placeholder;
  }

  /**
   * Reads {@code incremental} of a source; {@code extraKeys} are the keys only its type has
   * ({@code param} for http, {@code placeholder} for jdbc).
   */
  public static Optional<WatermarkSpec> bind(ConfigNode incremental, Set<String> extraKeys) {
    return bind(incremental, extraKeys, null);
  }

  /**
   * Reads {@code incremental} of a source that may read a Delta table by version ({@code by: version});
   * {@code format} is the source's format, null for a source that cannot.
   */
  public static Optional<WatermarkSpec> bind(ConfigNode incremental, Set<String> extraKeys, String format) {
    if (incremental.isMissing()) {
      return Optional.empty();
    }
    incremental.allowKeys("incremental", INCREMENTAL_KEYS);
    if (incremental.has("by") || incremental.has("state_id")) {
      return byVersion(incremental, format);
    }
    ConfigNode node = incremental.get("watermark");
    if (node.isMissing()) {
      node.missing("the watermark mapping");
      return Optional.empty();
    }
    java.util.Set<String> keys = new java.util.HashSet<>(KEYS);
    keys.addAll(extraKeys);
    node.allowKeys("incremental.watermark", keys);
    return Optional.of(new WatermarkSpec(node.get("field").requiredText("the watermark field"),
        node.get("state_id").text(), Optional.ofNullable(node.get("default").text()).orElse(DEFAULT_VALUE),
        node.get("from_env").text(), node.get("param").text(), lag(node.get("lag")),
        Optional.ofNullable(node.get("placeholder").text()).orElse(DEFAULT_PLACEHOLDER)));
  }

  /** {@code incremental: {by: version, state_id}}: the changes a Delta or Iceberg table committed since the last run. */
  private static Optional<WatermarkSpec> byVersion(ConfigNode incremental, String format) {
    if (incremental.has("watermark")) {
      incremental.error("Cannot read incrementally two ways: use incremental.watermark or incremental.by, not both ("
          + incremental.shown() + ")");
    }
    String by = incremental.get("by").oneOf("incremental.by", Set.of("version", "files"));
    if ("files".equals(by)) {
      return Optional.of(byFiles(incremental, format));
    }
    for (String key : new String[] {"max_files_per_run", "max_file_age"}) {
      if (incremental.has(key)) {
        incremental.get(key).error("Cannot use " + key + ": it belongs to incremental.by files ("
            + incremental.get(key).shown() + ")");
      }
    }
    if (!incremental.has("by")) {
      incremental.get("by").missing("by: version (state_id goes with it)");
    } else if (by != null && !TableFormat.readsByVersion(format)) {
      incremental.get("by").error("Cannot read by version: incremental.by version reads the changes of a Delta "
          + "table (a files source) or of an Iceberg table, this source is " + (format == null ? "not a files source"
          : format) + " (" + by + ")");
    }
    return Optional.of(new WatermarkSpec(COMMIT_VERSION, incremental.get("state_id").text(), "-1", null, null,
        Duration.ZERO, DEFAULT_PLACEHOLDER, true));
  }

  /**
   * A position the run plans before it reads instead of observing it in the rows: the end offset of every
   * partition of a stream, the files found new. {@code start} is what a first run starts from
   * ({@code earliest}, {@code latest}, {@code none}).
   */
  public static WatermarkSpec planned(String stateId, String start) {
    return new WatermarkSpec(POSITION, stateId, start, null, null, Duration.ZERO, DEFAULT_PLACEHOLDER, false, true,
        null, DEFAULT_MAX_FILE_AGE);
  }

  /**
   * Whether the run plans its next value before reading (a stream's offsets, new files): the source reads
   * exactly from the committed value to the planned one, and the planned value is what commits.
   */
  public boolean planned() {
    return planned;
  }

  /** {@code incremental: {by: files}}: the files that appeared in a files source's location since the last run. */
  private static WatermarkSpec byFiles(ConfigNode incremental, String format) {
    if (format == null || TableFormat.readsByVersion(format)) {
      incremental.get("by").error("Cannot read by files: incremental.by files reads the new files of a files source in "
          + "a file format (parquet, csv, json, ...), this source is " + (format == null ? "not a files source"
          : format + "; read a table's changes with by: version") + " (files)");
    }
    Duration maxAge = lag(incremental.get("max_file_age"));
    return new WatermarkSpec(POSITION, incremental.get("state_id").text(), "none", null, null, Duration.ZERO,
        DEFAULT_PLACEHOLDER, false, true, incremental.get("max_files_per_run").positiveInt(),
        maxAge.isZero() ? DEFAULT_MAX_FILE_AGE : maxAge);
  }

  /** For {@code by: files}: at most this many files in one micro-batch. */
  public Optional<Integer> maxFilesPerRun() {
    return Optional.ofNullable(maxFilesPerRun);
  }

  /** For {@code by: files}: files older than the newest one read minus this are taken as read (not listed by name). */
  public Duration maxFileAge() {
    return maxFileAge;
  }

  /**
   * Whether it reads a table's changes by table version (the watermark is the last version read: a Delta version,
   * an Iceberg snapshot id).
   */
  public boolean byVersion() {
    return byVersion;
  }

  private static Duration lag(ConfigNode node) {
    String text = node.text();
    if (text == null) {
      return Duration.ZERO;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      node.error("Cannot read " + node.key() + ": expected an ISO-8601 duration such as PT1H or P1D (" + text + ")");
      return Duration.ZERO;
    }
  }

  public String field() {
    return field;
  }

  /** The state id the config gives, if any; the default is decided by the run. */
  public Optional<String> stateId() {
    return Optional.ofNullable(stateId);
  }

  public String defaultValue() {
    return defaultValue;
  }

  public Optional<String> fromEnv() {
    return Optional.ofNullable(fromEnv);
  }

  public Optional<String> param() {
    return Optional.ofNullable(param);
  }

  public Duration lag() {
    return lag;
  }

  public String placeholder() {
    return placeholder;
  }
}
