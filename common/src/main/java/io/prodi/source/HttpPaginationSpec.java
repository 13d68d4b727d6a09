package io.prodi.source;

import io.prodi.yaml.ConfigNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code pagination} of an http source. */
public final class HttpPaginationSpec {
  private static final Map<String, String> STRATEGIES = Map.of(
      "none", "none", "page_number", "page_number", "param_increment", "page_number",
      "offset", "offset", "cursor", "cursor", "link_header", "link_header", "next_url", "next_url");
  public static final Set<String> KEYS = Set.of("strategy", "param", "page_size", "page_size_param", "start",
      "cursor_param", "cursor_field", "next_url_path", "max_pages", "stop_on_empty");

  private final String strategy;
  private final String param;
  private final Integer pageSize;
  private final String pageSizeParam;
  private final long start;
  private final String cursorParam;
  private final String cursorField;
  private final String nextUrlPath;
  private final Integer maxPages;
  private final boolean stopOnEmpty;

  private HttpPaginationSpec(String strategy, String param, Integer pageSize, String pageSizeParam, long start,
      String cursorParam, String cursorField, String nextUrlPath, Integer maxPages, boolean stopOnEmpty) {
    this.strategy = strategy;
    this.param = param;
    this.pageSize = pageSize;
    this.pageSizeParam = pageSizeParam;
    this.start = start;
    this.cursorParam = cursorParam;
    this.cursorField = cursorField;
    this.nextUrlPath = nextUrlPath;
    this.maxPages = maxPages;
    this.stopOnEmpty = stopOnEmpty;
  }

  /**
   * Reads {@code pagination}; {@code source} is the source mapping, whose {@code cursor_param} and
   * {@code cursor_field} count too, as the Python version had them there.
   */
  static HttpPaginationSpec bind(ConfigNode node, ConfigNode source) {
    node.allowKeys("pagination", KEYS);
    String given = node.get("strategy").text();
    String strategy = "none";
    if (given != null) {
      strategy = STRATEGIES.get(given.toLowerCase(java.util.Locale.ROOT));
      if (strategy == null) {
        node.get("strategy").unknown("pagination strategy", given, new java.util.TreeSet<>(STRATEGIES.keySet()));
        strategy = "none";
      }
    }
    String cursorParam = first(node.get("cursor_param").text(), source.get("cursor_param").text());
    String cursorField = first(node.get("cursor_field").text(), source.get("cursor_field").text());
    String nextUrlPath = node.get("next_url_path").text();
    if (strategy.equals("cursor") && (cursorParam == null || cursorField == null)) {
      node.error("Cannot paginate by cursor: cursor_param and cursor_field are required ("
          + cursorParam + ", " + cursorField + ")");
    }
    if (strategy.equals("next_url") && nextUrlPath == null) {
      node.get("next_url_path").missing("the dotted path of the next URL in the body");
    }
    Long startValue = node.get("start").integer();
    return new HttpPaginationSpec(strategy, node.get("param").text(), node.get("page_size").positiveInt(),
        node.get("page_size_param").text(), startValue == null ? defaultStart(strategy) : startValue, cursorParam,
        cursorField, nextUrlPath, node.get("max_pages").positiveInt(), node.get("stop_on_empty").bool(true));
  }

  private static long defaultStart(String strategy) {
    return strategy.equals("page_number") ? 1 : 0;
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  public String strategy() {
    return strategy;
  }

  /** The query parameter that carries the page number or offset ({@code page} / {@code offset} by default). */
  public String param() {
    return param != null ? param : (strategy.equals("offset") ? "offset" : "page");
  }

  public Optional<Integer> pageSize() {
    return Optional.ofNullable(pageSize);
  }

  public String pageSizeParam() {
    return pageSizeParam != null ? pageSizeParam : (strategy.equals("offset") ? "limit" : "per_page");
  }

  public long start() {
    return start;
  }

  public Optional<String> cursorParam() {
    return Optional.ofNullable(cursorParam);
  }

  public Optional<String> cursorField() {
    return Optional.ofNullable(cursorField);
  }

  public Optional<String> nextUrlPath() {
    return Optional.ofNullable(nextUrlPath);
  }

  public Optional<Integer> maxPages() {
    return Optional.ofNullable(maxPages);
  }

  public boolean stopOnEmpty() {
    return stopOnEmpty;
  }
}
