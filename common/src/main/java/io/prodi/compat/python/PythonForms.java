package io.prodi.compat.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.yaml.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Python version's config forms rewritten into the canonical ones: one place,
 * used by the loader before binding (keys with an effect keep it, keys without one warn) and by
 * {@code prodi migrate}, which writes the result.
 */
public final class PythonForms {
  private static final Map<String, String> PATHS = Map.of(
      "dataset", "dataset_config", "environment", "environment_config", "database", "database_config");
  private static final String NO_DATABASE = "the Python version never implemented its gold metadata database; "
      + "write gold marts to a database with a sink of type jdbc";

  private PythonForms() {}

  /** A layer config file (or an {@code extends} base). */
  public static Rewrite layer(ObjectNode tree, Findings findings) {
    Rewrite rewrite = new Rewrite(tree, findings);
    paths(rewrite);
    block(rewrite, List.of());
    return rewrite;
  }

  /** A dataset config: its own legacy keys and each layer's block of defaults. */
  public static Rewrite dataset(ObjectNode tree, Findings findings) {
    Rewrite rewrite = new Rewrite(tree, findings);
    for (String key : new String[] {"legacy_aliases", "_legacy_aliases"}) {
      rewrite.ignore(List.of(), key, "the Python version kept it for its own key renames, which prodi reads "
          + "by itself");
    }
    ObjectNode layers = rewrite.map(List.of("layers"));
    if (layers != null) {
      List<String> names = new ArrayList<>();
      layers.fieldNames().forEachRemaining(names::add);
      names.forEach(name -> block(rewrite, List.of("layers", name)));
    }
    return rewrite;
  }

  /** An environment config. */
  public static Rewrite environment(ObjectNode tree, Findings findings) {
    Rewrite rewrite = new Rewrite(tree, findings);
    StorageForms.apply(rewrite, List.of("storage"));
    return rewrite;
  }

  /** What a layer config and a dataset's layer block share. */
  private static void block(Rewrite rewrite, List<Object> base) {
    compute(rewrite, Rewrite.child(base, "compute"));
    SpecForms.io(rewrite, Rewrite.child(base, "io"));
    TransformForms.apply(rewrite, Rewrite.child(base, "transform"));
    DqForms.apply(rewrite, Rewrite.child(base, "dq"));
    StorageForms.apply(rewrite, Rewrite.child(base, "storage"));
  }

  /** {@code compute.kind}: {@code spark} is the engine; {@code stub} ran without a cluster, as bin/prodi does. */
  private static void compute(Rewrite rewrite, List<Object> compute) {
    JsonNode kind = rewrite.at(compute).path("kind");
    if (!kind.isTextual()) {
      return;
    }
    if (kind.asText().equalsIgnoreCase("stub")) {
      rewrite.ignore(compute, "kind", "prodi always runs on Spark: on the cluster it is submitted to, or "
          + "locally with bin/prodi");
    } else {
      rewrite.rename(compute, "kind", "engine");
    }
  }

  /** The {@code paths:} block and the file references under {@code io.source} move to the top level. */
  private static void paths(Rewrite rewrite) {
    JsonNode paths = rewrite.at(List.of("paths"));
    if (paths.isObject()) {
      List<String> keys = new ArrayList<>();
      paths.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String target = PATHS.get(key);
        if (target == null) {
          rewrite.findings().error("paths." + key, "Cannot use key '" + key + "' in paths: unknown key"
              + io.prodi.yaml.ClosestName.hint(key, PATHS.keySet()) + " (valid keys: database, dataset, environment)");
        } else if (key.equals("database")) {
          rewrite.ignore(List.of("paths"), key, NO_DATABASE);
        } else {
          hoist(rewrite, List.of("paths"), key, target);
        }
      }
      if (rewrite.at(List.of("paths")).size() == 0) {
        rewrite.remove(List.of(), "paths");
      }
    } else if (!paths.isMissingNode() && !paths.isNull()) {
      rewrite.findings().error("paths", "Cannot read paths: expected a mapping (" + paths + ")");
    }
    rewrite.ignore(List.of(), "database_config", NO_DATABASE);
    if (rewrite.at(List.of("io", "source")).isObject()) {
      for (String key : new String[] {"dataset_config", "environment_config"}) {
        hoist(rewrite, List.of("io", "source"), key, key);
      }
    }
  }

  private static void hoist(Rewrite rewrite, List<Object> from, String key, String target) {
    JsonNode value = rewrite.at(from).path(key);
    if (value.isMissingNode()) {
      return;
    }
    JsonNode top = rewrite.tree().get(target);
    if (top != null && !top.equals(value)) {
      rewrite.findings().error(Rewrite.show(from, key), "Cannot set " + target + " twice: it is also set at the "
          + "top level (" + top.asText() + ", " + value.asText() + ")");
      return;
    }
    rewrite.remove(from, key);
    if (top == null) {
      rewrite.put(List.of(), target, value, (String) from.get(0));
    }
  }
}
