package io.prodi.run;

import io.prodi.config.load.LoadedLayer;
import io.prodi.config.load.PipelineFile;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The steps of a pipeline as a graph: a step depends on every earlier step that writes what it reads,
 * and, so that no two steps race on the same data, on every earlier step that writes what it writes or
 * reads what it writes; {@code after:} adds more. A cycle (only {@code after:} can make one) is a config
 * error naming its steps.
 */
public final class PipelineGraph {
  private final List<StepNode> steps;

  private PipelineGraph(List<StepNode> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The graph of {@code steps} whose configs are {@code loaded} (same order). */
  public static PipelineGraph of(String pipelineUri, List<PipelineFile.Step> steps, List<LoadedLayer> loaded) {
    List<StepData> data = loaded.stream().map(l -> StepData.of(l.config())).collect(Collectors.toList());
    List<StepNode> nodes = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      List<Dependency> dependencies = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        dataDependency(steps.get(j).name(), data.get(j), data.get(i)).ifPresent(dependencies::add);
      }
      for (String name : steps.get(i).after()) {
        if (dependencies.stream().noneMatch(d -> d.step().equals(name))) {
          dependencies.add(new Dependency(name, Dependency.Kind.AFTER, ""));
        }
      }
      nodes.add(new StepNode(i, steps.get(i), loaded.get(i), data.get(i), dependencies));
    }
    PipelineGraph graph = new PipelineGraph(nodes);
    graph.cycle().ifPresent(cycle -> {
      Findings findings = new Findings(pipelineUri);
      findings.error(steps.get(0).path().replaceFirst("\\[\\d+]$", ""), "Cannot order the steps: they wait for each "
          + "other in a cycle (" + String.join(" -> ", cycle) + ")");
      throw new ConfigException(findings.problems());
    });
    return graph;
  }

  private static Optional<Dependency> dataDependency(String earlier, StepData before, StepData step) {
    return StepData.firstOverlap(step.reads(), before.writes())
        .map(a -> new Dependency(earlier, Dependency.Kind.READS_OUTPUT, a))
        .or(() -> StepData.firstOverlap(step.writes(), before.writes())
            .map(a -> new Dependency(earlier, Dependency.Kind.WRITES_OUTPUT, a)))
        .or(() -> StepData.firstOverlap(step.writes(), before.reads())
            .map(a -> new Dependency(earlier, Dependency.Kind.WRITES_INPUT, a)));
  }

  /** The steps in file order. */
  public List<StepNode> steps() {
    return steps;
  }

  public StepNode step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Cannot find step: not in this pipeline (" + name + ")"));
  }

  /** An order that keeps every dependency, as close to file order as they allow. */
  public List<StepNode> order() {
    List<StepNode> done = new ArrayList<>();
    while (done.size() < steps.size()) {
      StepNode next = steps.stream().filter(s -> !done.contains(s) && done.containsAll(dependenciesOf(s)))
          .findFirst().orElseThrow(() -> new IllegalStateException("Cannot order the steps: a cycle"));
      done.add(next);
    }
    return done;
  }

  /** The steps {@code step} waits for. */
  public List<StepNode> dependenciesOf(StepNode step) {
    return step.dependencies().stream().map(d -> step(d.step())).collect(Collectors.toList());
  }

  /** A cycle's step names (first repeated at the end), if the dependencies have one. */
  private Optional<List<String>> cycle() {
    Map<String, Integer> state = new LinkedHashMap<>(); // 1 = on the current path, 2 = finished
    for (StepNode start : steps) {
      List<String> path = new ArrayList<>();
      Optional<List<String>> found = visit(start, state, path);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<List<String>> visit(StepNode node, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(node.name());
    if (seen != null && seen == 2) {
      return Optional.empty();
    }
    path.add(node.name());
    if (seen != null) {
      return Optional.of(path.subList(path.indexOf(node.name()), path.size()));
    }
    state.put(node.name(), 1);
    for (StepNode next : dependenciesOf(node)) {
      Optional<List<String>> found = visit(next, state, path);
      if (found.isPresent()) {
        return found;
      }
    }
    state.put(node.name(), 2);
    path.remove(path.size() - 1);
    return Optional.empty();
  }
}
