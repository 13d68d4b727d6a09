package io.prodi.compat.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.prodi.compat.python.CommentedYaml;
import io.prodi.compat.python.PythonForms;
import io.prodi.compat.python.Rewrite;
import io.prodi.config.load.PipelineFile;
import io.prodi.yaml.ConfigProblem;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One file of {@code prodi migrate}: which kind of config it is, its canonical text (the rewrite
 * replayed on its YAML nodes, so comments stay), the unified diff and what a person must still decide.
 */
public final class Migration {
  private static final Set<String> DATASET_KEYS = Set.of("id", "description", "layers", "legacy_aliases",
      "_legacy_aliases");

  private final String file;
  private final String kind;
  private final String before;
  private final String after;
  private final List<String> notes;
  private final List<String> forHuman;

  private Migration(String file, String kind, String before, String after, List<String> notes,
      List<String> forHuman) {
    this.file = file;
    this.kind = kind;
    this.before = before;
    this.after = after;
    this.notes = List.copyOf(notes);
    this.forHuman = List.copyOf(forHuman);
  }

  /** The migration of {@code text}, the content of {@code file}; variables are left as written. */
  public static Migration of(String file, String text) {
    Findings findings = new Findings(file);
    JsonNode tree = YamlTree.parse(text, findings);
    if (tree == null) {
      return new Migration(file, "unreadable", text, text, List.of(), lines(findings));
    }
    String kind = kind(tree);
    Rewrite rewrite;
    switch (kind) {
      case "layer":
        rewrite = PythonForms.layer((ObjectNode) tree, findings);
        break;
      case "dataset":
        rewrite = PythonForms.dataset((ObjectNode) tree, findings);
        break;
      case "environment":
        rewrite = PythonForms.environment((ObjectNode) tree, findings);
        break;
      default:
        // a pipeline has nothing to migrate, nor a config test (a file of this prodi's own): both left silently
        boolean silent = kind.equals("pipeline")
            || io.prodi.config.load.ConfigFileKind.of(file, tree) == io.prodi.config.load.ConfigFileKind.CONFIG_TEST;
        List<String> other = silent ? List.of()
            : List.of(file + ": not a layer, pipeline, dataset or environment config of the Python prodi's v0.2 "
                + "schema: left as it is (keys " + String.join(", ", keys(tree)) + ")");
        return new Migration(file, kind, text, text, List.of(), other);
    }
    List<String> errors = new ArrayList<>();
    findings.problems().stream().filter(p -> p.severity() != ConfigProblem.Severity.WARNING)
        .forEach(p -> errors.add(p.path() + ": " + p.message()));
    List<String> notes = new ArrayList<>();
    for (ConfigProblem problem : findings.problems()) {
      String at = problem.path() + ": ";
      if (rewrite.forHuman().stream().noneMatch(r -> r.startsWith(at)) && errors.stream().noneMatch(r -> r.startsWith(at))) {
        notes.add(problem.line()); // what a person must decide is listed once, at the end, not also here
      }
    }
    String after = rewrite.edits().isEmpty() ? text : replay(text, rewrite, notes);
    after = Reminders.keptIn(after, rewrite.forHuman()); // the keys they are about are gone from the file
    List<String> forHuman = new ArrayList<>();
    Reminders.in(after).forEach(line -> forHuman.add(file + ": " + line));
    errors.forEach(line -> forHuman.add(file + ": " + line)); // an error stays in the file, and so in every run
    return new Migration(file, kind, text, after, notes, forHuman);
  }

  private static String replay(String text, Rewrite rewrite, List<String> notes) {
    try {
      CommentedYaml yaml = CommentedYaml.parse(text);
      yaml.apply(rewrite.edits());
      String out = yaml.text();
      if (rewrite.tree().equals(CommentedYaml.tree(out))) {
        return out;
      }
    } catch (RuntimeException e) {
      // falls through to the plain rendering below
    }
    notes.add("comments could not be kept: the file is written without them");
    try {
      return YamlTree.mapper().writeValueAsString(rewrite.tree()).replaceFirst("^---\\n", "");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String kind(JsonNode tree) {
    if (PipelineFile.looksLikePipeline(tree)) {
      return "pipeline";
    }
    if (!tree.isObject()) {
      return "other";
    }
    if (tree.has("layer") || tree.has("io") || tree.has("extends") || tree.has("transform")) {
      return "layer";
    }
    if (tree.has("layers") && keys(tree).stream().allMatch(DATASET_KEYS::contains)) {
      return "dataset";
    }
    if (tree.has("storage") || tree.has("timezone")) {
      return keys(tree).stream().allMatch(Set.of("name", "description", "timezone", "storage")::contains)
          ? "environment" : "other";
    }
    return "other";
  }

  private static List<String> keys(JsonNode tree) {
    List<String> out = new ArrayList<>();
    tree.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> lines(Findings findings) {
    List<String> out = new ArrayList<>();
    for (ConfigProblem problem : findings.problems()) {
      out.add(problem.line());
    }
    return out;
  }

  public String file() {
    return file;
  }

  public String kind() {
    return kind;
  }

  public boolean changed() {
    return !before.equals(after);
  }

  public String text() {
    return after;
  }

  /** Every warning and error of the rewrite, one line each. */
  public List<String> notes() {
    return notes;
  }

  /**
   * What a person must decide: keys whose intent has no equivalent, and errors. Each is also kept as a
   * comment at the top of the rewritten file, so that a later run lists it again until the person deletes it.
   */
  public List<String> forHuman() {
    return forHuman;
  }

  /** The unified diff from the file as it is to its canonical form; empty when nothing changes. */
  public String diff() {
    if (!changed()) {
      return "";
    }
    List<String> from = Arrays.asList(before.split("\n", -1));
    List<String> to = Arrays.asList(after.split("\n", -1));
    String shown = file.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("^/+", "");
    return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("a/" + shown, "b/" + shown, from,
        DiffUtils.diff(from, to), 3)) + "\n";
  }
}
