package io.prodi.configtest;

import java.util.List;

/** The outcome of one config test: passed, or the lines of its diff. */
public final class TestResult {
  private final ConfigTest test;
  private final List<String> differences;
  private final long millis;

  public TestResult(ConfigTest test, List<String> differences, long millis) {
    this.test = test;
    this.differences = List.copyOf(differences);
    this.millis = millis;
  }

  public ConfigTest test() {
    return test;
  }

  public boolean passed() {
    return differences.isEmpty();
  }

  /** What differed, one line each, ready to print. */
  public List<String> differences() {
    return differences;
  }

  public long millis() {
    return millis;
  }
}
