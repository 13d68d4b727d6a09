package io.prodi.run;

import java.util.Locale;

/** Why a pipeline step waits for another: the data they share ({@code address}), or {@code after:}. */
public final class Dependency {
  /** What makes the order matter. */
  public enum Kind {
    READS_OUTPUT("reads what it writes"),
    WRITES_OUTPUT("writes what it writes"),
    WRITES_INPUT("writes what it reads"),
    AFTER("after:");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
      return description;
    }
  }

  private final String step;
  private final Kind kind;
  private final String address;

  public Dependency(String step, Kind kind, String address) {
    this.step = step;
    this.kind = kind;
    this.address = address;
  }

  /** The name of the step waited for. */
  public String step() {
    return step;
  }

  public Kind kind() {
    return kind;
  }

  /** The shared data's address; empty for {@code after:}. */
  public String address() {
    return address;
  }
}
