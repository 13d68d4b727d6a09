package io.prodi.run;

import io.prodi.sink.StoredData;
import java.util.Optional;

/** What {@code prodi show} asks of the engine: the data, a filter, how many rows. */
public final class ShowQuery {
  private final StoredData data;
  private final Optional<String> where;
  private final int limit;

  public ShowQuery(StoredData data, Optional<String> where, int limit) {
    this.data = data;
    this.where = where;
    this.limit = limit;
  }

  public StoredData data() {
    return data;
  }

  /** A SQL condition the rows must meet. */
  public Optional<String> where() {
    return where;
  }

  public int limit() {
    return limit;
  }
}
