package io.prodi.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The package cycles of a dependency graph: its strongly connected parts of two or more packages (Tarjan). */
final class PackageCycles {
  private final Map<String, Set<String>> graph;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final Set<String> onStack = new HashSet<>();
  private final List<Set<String>> cycles = new ArrayList<>();

  private PackageCycles(Map<String, Set<String>> graph) {
    this.graph = graph;
  }

  /** The cycles among the packages (under the prefix) of these classes: class name to the names it refers to. */
  static List<Set<String>> of(Map<String, Set<String>> classReferences, String packagePrefix) {
    Map<String, Set<String>> graph = new TreeMap<>();
    classReferences.forEach((from, names) -> {
      String pkg = ClassFiles.packageOf(from);
      Set<String> targets = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
      names.stream().map(ClassFiles::packageOf).filter(p -> p.startsWith(packagePrefix) && !p.equals(pkg))
          .forEach(targets::add);
    });
    return inGraph(graph);
  }

  static List<Set<String>> inGraph(Map<String, Set<String>> graph) {
    PackageCycles search = new PackageCycles(new TreeMap<>(graph));
    search.graph.keySet().forEach(p -> {
      if (!search.index.containsKey(p)) {
        search.visit(p);
      }
    });
    return search.cycles;
  }

  private void visit(String pkg) {
    index.put(pkg, index.size());
    low.put(pkg, index.get(pkg));
    stack.push(pkg);
    onStack.add(pkg);
    for (String next : graph.getOrDefault(pkg, Set.of())) {
      if (!index.containsKey(next)) {
        visit(next);
        low.put(pkg, Math.min(low.get(pkg), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(pkg, Math.min(low.get(pkg), index.get(next)));
      }
    }
    if (low.get(pkg).equals(index.get(pkg))) {
      Set<String> part = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        part.add(member);
      } while (!member.equals(pkg));
      if (part.size() > 1) {
        cycles.add(part);
      }
    }
  }
}
