package io.prodi.compat.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.yaml.YamlTree;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML file as SnakeYAML's node tree, comments included, on which {@link TreeEdit}s are replayed:
 * what {@code prodi migrate} writes keeps the file's comments, quoting and order, except the comments
 * of removed keys and inside replaced values.
 */
public final class CommentedYaml {
  private final Yaml yaml;
  private final Node root;

  private CommentedYaml(Yaml yaml, Node root) {
    this.yaml = yaml;
    this.root = root;
  }

  public static CommentedYaml parse(String text) {
    LoaderOptions loader = new LoaderOptions();
    loader.setProcessComments(true);
    DumperOptions dumper = new DumperOptions();
    dumper.setProcessComments(true);
    dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dumper.setIndent(2);
    dumper.setIndicatorIndent(2);
    dumper.setIndentWithIndicator(true);
    dumper.setWidth(120);
    Yaml yaml = new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader);
    return new CommentedYaml(yaml, yaml.compose(new StringReader(text)));
  }

  public void apply(List<TreeEdit> edits) {
    edits.forEach(this::apply);
  }

  public String text() {
    StringWriter out = new StringWriter();
    yaml.serialize(root, out);
    return out.toString();
  }

  private void apply(TreeEdit edit) {
    Node parent = root;
    for (Object segment : edit.parent()) {
      parent = segment instanceof Integer ? item(parent, (Integer) segment) : value(parent, (String) segment);
      if (parent == null) {
        throw new IllegalStateException("no node at " + Rewrite.show(edit.parent(), null));
      }
    }
    List<NodeTuple> tuples = ((MappingNode) parent).getValue();
    int at = indexOf(tuples, edit.key());
    switch (edit.kind()) {
      case RENAME:
        Node key = tuples.get(at).getKeyNode();
        ScalarNode renamed = scalar(edit.newKey());
        renamed.setBlockComments(key.getBlockComments());
        renamed.setInLineComments(key.getInLineComments());
        tuples.set(at, new NodeTuple(renamed, tuples.get(at).getValueNode()));
        break;
      case REMOVE:
        tuples.remove(at);
        break;
      default:
        Node value = yaml.represent(YamlTree.mapper().convertValue(edit.value(), Object.class));
        if (at < 0) {
          int near = edit.near().map(k -> indexOf(tuples, k)).orElse(-1);
          tuples.add(near < 0 ? tuples.size() : near, new NodeTuple(scalar(edit.key()), value));
        } else {
          Node old = tuples.get(at).getValueNode();
          value.setInLineComments(old instanceof ScalarNode ? old.getInLineComments() : null);
          tuples.set(at, new NodeTuple(tuples.get(at).getKeyNode(), value));
        }
    }
  }

  private static ScalarNode scalar(String text) {
    return new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.PLAIN);
  }

  private static int indexOf(List<NodeTuple> tuples, String key) {
    for (int i = 0; i < tuples.size(); i++) {
      Node k = tuples.get(i).getKeyNode();
      if (k instanceof ScalarNode && ((ScalarNode) k).getValue().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static Node value(Node parent, String key) {
    if (!(parent instanceof MappingNode)) {
      return null;
    }
    List<NodeTuple> tuples = ((MappingNode) parent).getValue();
    int at = indexOf(tuples, key);
    return at < 0 ? null : tuples.get(at).getValueNode();
  }

  private static Node item(Node parent, int index) {
    return parent instanceof SequenceNode && index < ((SequenceNode) parent).getValue().size()
        ? ((SequenceNode) parent).getValue().get(index) : null;
  }

  /** The tree the text parses to, for checking that the replay gave the rewrite's result. */
  public static JsonNode tree(String text) {
    return YamlTree.parse(text, new io.prodi.yaml.Findings("migrate"));
  }
}
