package io.prodi.run;

import io.prodi.config.load.LoadedLayer;
import java.util.List;

/**
 * Runs a validated, non-dry layer config: reads, transforms, checks, writes, commits. The main class
 * gives the run its engine, so that only a main ever builds a SparkSession.
 */
public interface LayerEngine {
  /** Runs the layer, filling the context's summary; throws {@link RunFailure} when the run fails. */
  void run(RunContext context);

  /**
   * Writes one run's row ({@link io.prodi.run.EventRecord}) to the event log at {@code uri}; throws when it
   * cannot (the caller turns that into one warning). An engine without storage records nothing.
   */
  default void recordEvent(RunContext context, String uri, com.fasterxml.jackson.databind.node.ObjectNode row) {}

  /** {@code prodi history}: the last {@code n} runs of the context's layer in the event log at {@code uri}, newest first. */
  default List<com.fasterxml.jackson.databind.JsonNode> history(RunContext context, String uri, int n) {
    throw new RunFailure("Cannot read the event log " + uri + ": this build has no Spark runtime");
  }

  /** Told, before the first step of a pipeline runs, every config the pipeline will run. */
  default void expect(List<LoadedLayer> layers) {}

  /**
   * {@code plan --analyze}: resolves the config against the sources' schemas without reading rows or
   * writing anything, and returns the output's schema; problems are thrown as config errors.
   */
  default String analyze(RunContext context) {
    throw new RunFailure("Cannot analyze " + context.loaded().config().uri() + ": this build has no Spark runtime");
  }

  /** Whether it can run config tests ({@code prodi test}): only an engine with a Spark runtime can. */
  default boolean runsConfigTests() {
    return false;
  }

  /** {@code prodi test}: runs one config test on fixtures, nothing real read or written. */
  default io.prodi.configtest.TestResult test(io.prodi.configtest.ConfigTest test, RunRequest request) {
    throw new RunFailure("Cannot run config test " + test.name() + ": this build has no Spark runtime");
  }

  /**
   * {@code prodi show}: the first rows of stored data. {@code run} is the config it belongs to (its storage
   * settings and session options), empty for a path given alone.
   */
  default ShownRows show(ShowQuery query, java.util.Optional<RunContext> run) {
    throw new RunFailure("Cannot show " + query.data() + ": this build has no Spark runtime");
  }
}
