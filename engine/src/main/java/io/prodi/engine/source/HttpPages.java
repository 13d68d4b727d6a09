package io.prodi.engine.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.prodi.run.RunFailure;
import io.prodi.source.HttpPaginationSpec;
import io.prodi.source.HttpSourceSpec;
import io.prodi.source.WatermarkSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the pages of an http source: none, page_number, offset, cursor,
 * link_header, next_url; max_pages, stop_on_empty, and a guard against an API that answers the same
 * page forever. Each page's records go to {@code sink} as they arrive, so memory holds one page.
 */
final class HttpPages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RECORD_KEYS = List.of("data", "results", "items", "records");
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel\\s*=\\s*\"?next\"?");
  private static final int EXCERPT = 200;

  private final HttpSourceSpec spec;
  private final HttpCaller caller;
  private final Map<String, String> fixedParams;

  HttpPages(HttpSourceSpec spec, HttpCaller caller, Optional<String> watermark) {
    this.spec = spec;
    this.caller = caller;
    this.fixedParams = new LinkedHashMap<>(spec.params());
    spec.watermark().flatMap(WatermarkSpec::param).ifPresent(p -> watermark.ifPresent(w -> fixedParams.put(p, w)));
  }

  /** Fetches every page, handing each page's records to {@code sink}; returns the number of pages. */
  int fetch(Consumer<ArrayNode> sink) {
    HttpPaginationSpec pagination = spec.pagination();
    long position = pagination.start();
    String cursor = null;
    URI next = uri(spec.url(), pageParams(position, null));
    String previousBody = null;
    int pages = 0;
    while (next != null) {
      HttpResponse<String> response = caller.call(next);
      String body = response.body();
      if (body.equals(previousBody) && !pagination.strategy().equals("none")) {
        throw new RunFailure("Cannot paginate " + spec.url() + ": page " + (pages + 1) + " is the same as page " + pages
            + "; the API ignores the " + pagination.strategy() + " parameters (stopped)");
      }
      previousBody = body;
      JsonNode payload = parse(body, pages + 1, next);
      ArrayNode records = records(payload);
      sink.accept(records);
      pages++;
      if (pagination.maxPages().isPresent() && pages >= pagination.maxPages().get()) {
        break;
      }
      if (records.isEmpty() && pagination.stopOnEmpty()) {
        break;
      }
      switch (pagination.strategy()) {
        case "page_number":
          position++;
          next = uri(spec.url(), pageParams(position, null));
          break;
        case "offset":
          position += records.size();
          next = uri(spec.url(), pageParams(position, null));
          break;
        case "cursor":
          String found = text(at(payload, pagination.cursorField().orElseThrow()));
          if (found != null && found.equals(cursor)) {
            throw new RunFailure("Cannot paginate " + spec.url() + ": the API returned cursor " + found + " twice "
                + "(page " + pages + ")");
          }
          cursor = found;
          next = found == null || found.isEmpty() ? null : uri(spec.url(), pageParams(position, found));
          break;
        case "link_header":
          next = response.headers().allValues("Link").stream().map(NEXT_LINK::matcher).filter(Matcher::find)
              .map(m -> next(response.uri(), m.group(1))).findFirst().orElse(null);
          break;
        case "next_url":
          String url = text(at(payload, pagination.nextUrlPath().orElseThrow()));
          next = url == null || url.isEmpty() ? null : next(response.uri(), url);
          break;
        default:
          next = null;
      }
    }
    return pages;
  }

  private Map<String, String> pageParams(long position, String cursor) {
    HttpPaginationSpec pagination = spec.pagination();
    Map<String, String> params = new LinkedHashMap<>(fixedParams);
    switch (pagination.strategy()) {
      case "page_number":
      case "offset":
        params.put(pagination.param(), String.valueOf(position));
        pagination.pageSize().ifPresent(size -> params.put(pagination.pageSizeParam(), String.valueOf(size)));
        break;
      case "cursor":
        pagination.pageSize().ifPresent(size -> params.put(pagination.pageSizeParam(), String.valueOf(size)));
        if (cursor != null) {
          params.put(pagination.cursorParam().orElseThrow(), cursor);
        }
        break;
      default:
        break;
    }
    return params;
  }

  static URI uri(String base, Map<String, String> params) {
    StringBuilder url = new StringBuilder(base);
    String separator = base.contains("?") ? "&" : "?";
    for (Map.Entry<String, String> param : params.entrySet()) {
      url.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
      separator = "&";
    }
    return URI.create(url.toString());
  }

  private static URI next(URI current, String link) {
    return current.resolve(link.trim());
  }

  private static JsonNode parse(String body, int page, URI uri) {
    try {
      return JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RunFailure("Cannot parse page " + page + " of " + uri + ": not complete JSON, "
          + e.getOriginalMessage().split("\n")[0] + " (" + excerpt(body) + ")", e);
    }
  }

  /** The page's records: at records_path, else the first list among data, results, items, records, else the page. */
  ArrayNode records(JsonNode payload) {
    JsonNode found = spec.recordsPath().map(p -> at(payload, p)).orElse(null);
    if (spec.recordsPath().isPresent() && (found == null || found.isMissingNode())) {
      throw new RunFailure("Cannot find the records of " + spec.url() + ": the response has nothing at records_path "
          + spec.recordsPath().get() + " (keys: " + keys(payload) + ")");
    }
    if (found == null && spec.recordsPath().isEmpty()) {
      found = RECORD_KEYS.stream().map(payload::get).filter(n -> n != null && n.isArray()).findFirst().orElse(payload);
    }
    if (found == null || found.isNull() || found.isMissingNode()) {
      return JSON.createArrayNode();
    }
    if (found.isArray()) {
      return (ArrayNode) found;
    }
    ArrayNode single = JSON.createArrayNode();
    single.add(found);
    return single;
  }

  private static String keys(JsonNode payload) {
    List<String> names = new java.util.ArrayList<>();
    payload.fieldNames().forEachRemaining(names::add);
    return payload.isObject() ? String.join(", ", names) : payload.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  /** The node at a dotted path such as {@code meta.next_cursor}. */
  static JsonNode at(JsonNode node, String dottedPath) {
    JsonNode current = node;
    for (String part : dottedPath.split("\\.")) {
      if (current == null) {
        return null;
      }
      current = current.get(part);
    }
    return current;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The start of a response body, on one line, for error messages. */
  static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat;
  }
}
