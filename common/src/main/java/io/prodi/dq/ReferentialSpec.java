package io.prodi.dq;

import io.prodi.source.SourceSpec;
import io.prodi.source.SourceTypes;
import io.prodi.yaml.ConfigNode;
import java.util.Optional;

/** {@code referential}: every non-null value of the column exists in {@code ref.column} of the {@code ref} source. */
public final class ReferentialSpec extends ExpectationSpec {
  private final SourceSpec ref;
  private final String refColumn;

  private ReferentialSpec(Basics basics, ConfigNode node, SourceSpec ref, String refColumn) {
    super(basics, column(node));
    this.ref = ref;
    this.refColumn = refColumn;
  }

  private ReferentialSpec(ReferentialSpec base, SourceSpec ref) {
    super(base);
    this.ref = ref;
    this.refColumn = base.refColumn;
  }

  static ReferentialSpec bind(ConfigNode node, Basics basics) {
    ConfigNode refNode = node.get("ref");
    String refColumn = refNode.get("column").requiredText("the referenced column");
    ConfigNode refSource = refNode.isMap() ? refNode.withoutKey("column") : refNode;
    return new ReferentialSpec(basics, node, SourceTypes.bind(refSource).orElse(null), refColumn);
  }

  public String column() {
    return columns().get(0);
  }

  @Override
  public Optional<SourceSpec> ref() {
    return Optional.ofNullable(ref);
  }

  public String refColumn() {
    return refColumn;
  }

  @Override
  public ExpectationSpec withRef(SourceSpec other) {
    return new ReferentialSpec(this, other);
  }
}
