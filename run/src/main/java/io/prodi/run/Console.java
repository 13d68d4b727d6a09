package io.prodi.run;

import io.prodi.env.SecretMasker;
import io.prodi.yaml.ConfigProblem;
import java.io.PrintStream;
import java.util.Collection;

/**
 * Where prodi prints: results (plans, validity lines, the summary) to standard output, problems and
 * progress to standard error; every line through the {@link SecretMasker}. Safe to share between the
 * threads of concurrent pipeline steps (each line is printed whole).
 */
public final class Console {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean verbose;
  // shared with the consoles of concurrent pipeline steps, which may run on several threads
  private final java.util.concurrent.atomic.AtomicReference<SecretMasker> maskers;
  private final String layer;
  private final String step;

  public Console(PrintStream out, PrintStream err, boolean verbose) {
    this(out, err, verbose, new java.util.concurrent.atomic.AtomicReference<>(SecretMasker.none()), null, null);
  }

  private Console(PrintStream out, PrintStream err, boolean verbose,
      java.util.concurrent.atomic.AtomicReference<SecretMasker> maskers, String layer, String step) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
    this.maskers = maskers;
    this.layer = layer;
    this.step = step;
  }

  /**
   * This console for one of the pipeline steps running side by side: its progress, warning and error lines name the
   * step ({@code [raw-2] done in 6.4 s}, not {@code [raw]}); results and secrets stay shared.
   */
  public Console forStep(String layerId, String stepName) {
    return new Console(out, err, verbose, maskers, layerId, stepName);
  }

  /** The line with its leading {@code [layer]} as {@code [step]}, or {@code [step]} put in front. */
  private String named(String line) {
    if (step == null || step.equals(layer)) {
      return line;
    }
    String tag = "[" + layer + "]";
    return line.startsWith(tag) ? "[" + step + "]" + line.substring(tag.length()) : "[" + step + "] " + line;
  }

  public static Console system(boolean verbose) {
    return new Console(System.out, System.err, verbose);
  }

  public boolean verbose() {
    return verbose;
  }

  /** Masks these values from now on (the values of credential variables). */
  public void addSecrets(Collection<String> values) {
    maskers.updateAndGet(masker -> masker.with(values));
  }

  public String mask(String text) {
    return maskers.get().mask(text);
  }

  public void result(String line) {
    out.println(mask(line));
    out.flush();
  }

  public void progress(String line) {
    err.println(mask(named(line)));
    err.flush();
  }

  /**
   * A line for whoever reads the log, not for the person at the console: printed with --verbose, otherwise logged at
   * INFO (a Dataproc job's driver log keeps it; bin/prodi's console shows Spark's log from WARN up).
   */
  public void detail(String line) {
    if (verbose) {
      progress(line);
    } else {
      org.slf4j.LoggerFactory.getLogger("io.prodi").info(mask(named(line)));
    }
  }

  /** {@code prodi: error: <message>}. */
  public void error(String message) {
    err.println("prodi: error: " + mask(named(message)));
    err.flush();
  }

  public void warning(String message) {
    err.println("prodi: warning: " + mask(named(message)));
    err.flush();
  }

  public void problem(ConfigProblem problem, boolean asError) {
    if (asError) {
      error(problem.line());
    } else {
      warning(problem.line());
    }
  }

  /** A stack trace, only with --verbose. */
  public void trace(Throwable t) {
    if (verbose) {
      java.io.StringWriter text = new java.io.StringWriter();
      t.printStackTrace(new java.io.PrintWriter(text));
      progress(text.toString());
    }
  }
}
