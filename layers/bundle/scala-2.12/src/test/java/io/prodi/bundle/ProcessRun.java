package io.prodi.bundle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run as its own process, as a user or a job system runs it: exit code and output. */
final class ProcessRun {
  final int exitCode;
  final String out;
  final String err;

  private ProcessRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  /** {@code java -cp <jar>:<Spark's jars> <main> args...}, as spark-submit would run a main class. */
  static ProcessRun java(Map<String, String> env, String mainClass, String... args) throws Exception {
    return run(env, javaCommand(mainClass, args));
  }

  /**
   * A main class started as {@link #java} does, killed with SIGKILL ({@code kill -9}) as soon as a
   * path matching {@code killWhen} exists under {@code root}, as a lost driver or an operator's kill
   * would stop it. Fails if the run ended first, or if nothing matched within {@code within}: a kill
   * at an arbitrary moment proves nothing.
   */
  static void javaKilledWhen(java.nio.file.Path root, java.util.function.Predicate<java.nio.file.Path> killWhen,
      java.time.Duration within, String mainClass, String... args) throws Exception {
    Process process = new ProcessBuilder(javaCommand(mainClass, args)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + within.toNanos();
    boolean triggered = false;
    while (!(triggered = matches(root, killWhen)) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    boolean alive = process.isAlive();
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    if (!alive) {
      throw new IOException("Cannot kill " + mainClass + " in its crash window: it ended first (exit "
          + process.exitValue() + ")");
    }
    if (!triggered) {
      throw new IOException("Cannot kill " + mainClass + " in its crash window: nothing matching the trigger "
          + "appeared under " + root + " within " + within.getSeconds() + " s");
    }
  }

  /**
   * A main class started as {@link #java} does, sent SIGTERM (as a Dataproc job cancel or YARN stopping the
   * container does) once {@code ready} has seen a path under {@code root}, and then {@code stopWhen} one; returns
   * how it ended. {@code between} runs after {@code ready} matched (producing records for the running job, say).
   */
  static ProcessRun javaTerminatedWhen(java.nio.file.Path root, java.util.function.Predicate<java.nio.file.Path> ready,
      Runnable between, java.util.function.Predicate<java.nio.file.Path> stopWhen, java.time.Duration within,
      String mainClass, String... args) throws Exception {
    File out = File.createTempFile("prodi-out", ".txt");
    File err = File.createTempFile("prodi-err", ".txt");
    try {
      Process process = start(Map.of(), javaCommand(mainClass, args), out, err);
      awaitPath(process, root, ready, within, mainClass);
      between.run();
      awaitPath(process, root, stopWhen, within, mainClass);
      process.destroy(); // SIGTERM
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("Cannot stop " + mainClass + ": still running 90 s after SIGTERM");
      }
      return new ProcessRun(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      out.delete();
      err.delete();
    }
  }

  private static void awaitPath(Process process, java.nio.file.Path root,
      java.util.function.Predicate<java.nio.file.Path> wanted, java.time.Duration within, String mainClass)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!matches(root, wanted)) {
      if (!process.isAlive()) {
        throw new IOException("Cannot signal " + mainClass + ": it ended first (exit " + process.exitValue() + ")");
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException("Cannot signal " + mainClass + ": what the test waits for did not appear under " + root
            + " within " + within.getSeconds() + " s");
      }
      Thread.sleep(5);
    }
  }

  private static boolean matches(java.nio.file.Path root, java.util.function.Predicate<java.nio.file.Path> killWhen)
      throws IOException {
    if (!Files.exists(root)) {
      return false;
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(root)) {
      return files.anyMatch(p -> killWhen.test(root.relativize(p)));
    } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
      return false; // a file moved while it was listed: look again
    }
  }

  private static List<String> javaCommand(String mainClass, String... args) throws IOException {
    String classpath = System.getProperty("prodi.jar") + File.pathSeparator
        + Files.readString(Paths.get(System.getProperty("prodi.classpath.file"))).trim();
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
    for (String open : List.of("java.lang", "java.lang.invoke", "java.nio", "sun.nio.ch", "java.util",
        "java.util.concurrent", "java.net", "java.io", "sun.nio.cs", "sun.security.action", "sun.util.calendar")) {
      command.add("--add-opens=java.base/" + open + "=ALL-UNNAMED");
    }
    command.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-cp", classpath, mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /** A command started as a job system would: no dry-run guard from this shell, Spark on the loopback. */
  private static Process start(Map<String, String> env, List<String> command, File out, File err) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
    builder.environment().remove("PRODI_FORCE_DRY_RUN");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(env);
    return builder.start();
  }

  static ProcessRun run(Map<String, String> env, List<String> command) throws Exception {
    File out = File.createTempFile("prodi-out", ".txt");
    File err = File.createTempFile("prodi-err", ".txt");
    try {
      Process process = start(env, command, out, err);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("Cannot finish " + command + ": still running after 120 s");
      }
      return new ProcessRun(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      out.delete();
      err.delete();
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
