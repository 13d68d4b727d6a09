package io.prodi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What one in-process run printed: its exit code, standard output and standard error, and the summary line. */
public class RunOutput {
  private final int exitCode;
  private final String out;
  private final String err;

  protected RunOutput(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  public int exitCode() {
    return exitCode;
  }

  public String out() {
    return out;
  }

  public String err() {
    return err;
  }

  public List<String> errLines() {
    return lines(err);
  }

  public List<String> outLines() {
    return lines(out);
  }

  /** The {@code prodi: error:} lines of standard error. */
  public List<String> errors() {
    return errLines().stream().filter(l -> l.startsWith("prodi: error: ")).collect(Collectors.toList());
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).collect(Collectors.toList());
  }

  /** The run's summary: the {@code prodi_summary} object of its last output line. */
  public JsonNode summary() {
    List<String> lines = outLines();
    try {
      return new ObjectMapper().readTree(lines.get(lines.size() - 1)).get("prodi_summary");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
