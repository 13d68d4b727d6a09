package io.prodi.engine.dq;

import io.prodi.dq.ExpectationType;
import io.prodi.engine.spi.Registries;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each expectation type of the config language ({@link ExpectationType}) is evaluated: one
 * {@link Rule} per type, keyed like that registry; a type without a rule stops the engine from loading.
 */
final class Rules {
  private static final Map<ExpectationType, Rule> RULES = new EnumMap<>(Map.ofEntries(
      Map.entry(ExpectationType.NOT_NULL, new NotNullRule()),
      Map.entry(ExpectationType.UNIQUE, new UniqueRule()),
      Map.entry(ExpectationType.NON_NEGATIVE, new NonNegativeRule()),
      Map.entry(ExpectationType.VALID_VALUES, new ValidValuesRule()),
      Map.entry(ExpectationType.RANGE, new RangeRule()),
      Map.entry(ExpectationType.CONDITION, new ConditionRule()),
      Map.entry(ExpectationType.REGEX, new RegexRule()),
      Map.entry(ExpectationType.MIN_ROW_COUNT, new RowCountRule(true)),
      Map.entry(ExpectationType.MAX_ROW_COUNT, new RowCountRule(false)),
      Map.entry(ExpectationType.COLUMNS_EXIST, new ColumnsExistRule()),
      Map.entry(ExpectationType.FRESHNESS, new FreshnessRule()),
      Map.entry(ExpectationType.REFERENTIAL, new ReferentialRule())));

  static {
    Registries.requireSameNames("expectation", ExpectationType.ids(),
        RULES.keySet().stream().map(ExpectationType::id).collect(Collectors.toSet()));
  }

  private Rules() {}

  static Rule of(ExpectationType type) {
    return RULES.get(type);
  }

}
