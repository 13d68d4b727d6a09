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
  private volatile SecretMasker masker = SecretMasker.none(); // pipeline steps may run on several threads

  public Console(PrintStream out, PrintStream err, boolean verbose) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
  }

  public static Console system(boolean verbose) {
    return new Console(System.out, System.err, verbose);
  }

  public boolean verbose() {
    return verbose;
  }

  /** Masks these values from now on (the values of credential variables). */
  public synchronized void addSecrets(Collection<String> values) {
    masker = masker.with(values);
  }

  public String mask(String text) {
    return masker.mask(text);
  }

  public void result(String line) {
    out.println(masker.mask(line));
    out.flush();
  }

  public void progress(String line) {
    err.println(masker.mask(line));
    err.flush();
  }

  /** {@code prodi: error: <message>}. */
  public void error(String message) {
    err.println("prodi: error: " + masker.mask(message));
    err.flush();
  }

  public void warning(String message) {
    err.println("prodi: warning: " + masker.mask(message));
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
