package io.prodi.engine.dq;

import io.prodi.dq.ExpectationSpec;
import io.prodi.dq.ExpectationTypes;
import io.prodi.engine.spi.Registries;
import java.util.Map;

/**
 * How each expectation type of the config language ({@link ExpectationTypes}) is evaluated: one
 * {@link Rule} per type, keyed by the same names; a type without a rule stops the engine from loading.
 */
final class Rules {
  private static final Map<String, Rule<?>> RULES = Map.ofEntries(
      Map.entry("not_null", new NotNullRule()),
      Map.entry("non_negative", new NonNegativeRule()),
      Map.entry("valid_values", new ValidValuesRule()),
      Map.entry("range", new RangeRule()),
      Map.entry("condition", new ConditionRule()),
      Map.entry("regex", new RegexRule()),
      Map.entry("unique", new UniqueRule()),
      Map.entry("primary_key", new PrimaryKeyRule()),
      Map.entry("min_row_count", new RowCountRule()),
      Map.entry("max_row_count", new RowCountRule()),
      Map.entry("freshness", new FreshnessRule()),
      Map.entry("anomaly", new AnomalyRule()),
      Map.entry("columns_exist", new ColumnsExistRule()),
      Map.entry("referential", new ReferentialRule()),
      Map.entry("value_parses", new ValueParsesRule()));

  static {
    Registries.requireSameNames("expectation", ExpectationTypes.ids(), RULES.keySet());
  }

  private Rules() {}

  /** The rule of a spec's type; each rule takes the spec class its type binds to. */
  @SuppressWarnings("unchecked")
  static Rule<ExpectationSpec> of(ExpectationSpec spec) {
    return (Rule<ExpectationSpec>) RULES.get(spec.type().id());
  }

  /** The rule of a row-level spec: what a failing row is and what its sample shows. */
  @SuppressWarnings("unchecked")
  static RowRule<ExpectationSpec> row(ExpectationSpec spec) {
    return (RowRule<ExpectationSpec>) RULES.get(spec.type().id());
  }
}
