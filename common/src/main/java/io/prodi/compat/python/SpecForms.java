package io.prodi.compat.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The Python version's forms inside source and sink specs: {@code kind: spark}, auth and pagination names. */
final class SpecForms {
  /** The keys that say where a files source or sink is. */
  static final Set<String> LOCATION_KEYS = Set.of("uri", "path", "uris", "relative_path", "local_fallback");
  private static final Map<String, String> BEARER = Map.of("env", "token_env", "var", "token_env");
  private static final Map<String, String> API_KEY = Map.of(
      "name", "header", "env", "key_env", "var", "key_env", "value_env", "key_env");
  private static final Map<String, String> BASIC = Map.of("username_env", "user_env");
  private static final Map<String, String> OAUTH2 = Map.of(
      "url", "token_url", "client_id_var", "client_id_env", "client_secret_var", "client_secret_env");
  private static final Map<String, Map<String, String>> AUTH_ALIASES = Map.of(
      "bearer_env", BEARER, "bearer", BEARER, "api_key_header", API_KEY, "api_key", API_KEY,
      "basic_env", BASIC, "basic", BASIC, "oauth2_client_credentials", OAUTH2, "oauth2", OAUTH2);
  /** The source and sink {@code type} of a database table. */
  private static final String JDBC_TYPE = "jdbc";

  private SpecForms() {}

  static void io(Rewrite rewrite, List<Object> io) {
    for (List<Object> source : specs(rewrite, Rewrite.child(io, "source"))) {
      spark(rewrite, source);
      httpAuth(rewrite, source);
      jdbcAuth(rewrite, source);
      rewrite.rename(Rewrite.child(source, "pagination"), "field", "cursor_field");
    }
    for (List<Object> sink : specs(rewrite, Rewrite.child(io, "sink"))) {
      spark(rewrite, sink);
      jdbcAuth(rewrite, sink);
      optionsPath(rewrite, sink);
      rewrite.ignoreForHuman(sink, "compliance", "prodi does not encrypt or classify data itself: set the "
          + "bucket's default encryption and retention on the storage");
      rewrite.ignoreForHuman(sink, "catalog", "prodi writes to a path; to register the table in a metastore "
          + "use a sink of type table");
    }
  }

  /** The paths of the specs under {@code at}: one mapping or a list of them. */
  private static List<List<Object>> specs(Rewrite rewrite, List<Object> at) {
    JsonNode node = rewrite.at(at);
    List<List<Object>> out = new ArrayList<>();
    if (node.isObject()) {
      out.add(at);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isObject()) {
          out.add(Rewrite.child(at, i));
        }
      }
    }
    return out;
  }

  /** {@code kind: spark} chose the Spark reader or writer, which is the only one prodi has. */
  private static void spark(Rewrite rewrite, List<Object> spec) {
    if (rewrite.at(spec).path("kind").asText("").equalsIgnoreCase("spark")) {
      rewrite.remove(spec, "kind");
    }
  }

  /** {@code options.path}, where the Python version's Spark writer took its location from. */
  private static void optionsPath(Rewrite rewrite, List<Object> sink) {
    List<Object> options = Rewrite.child(sink, "options");
    JsonNode path = rewrite.at(options).path("path");
    if (path.isMissingNode()) {
      return;
    }
    JsonNode spec = rewrite.at(sink);
    boolean located = LOCATION_KEYS.stream().anyMatch(spec::has);
    if (located && !path.equals(spec.path("path"))) {
      rewrite.findings().error(Rewrite.show(options, "path"), "Cannot set the sink's location twice: options.path "
          + "and " + LOCATION_KEYS.stream().filter(spec::has).sorted().findFirst().orElse("path") + " (" + path.asText()
          + ")");
      return;
    }
    rewrite.remove(options, "path");
    if (!located) {
      rewrite.put(sink, "path", path);
    }
    if (rewrite.at(options).size() == 0) {
      rewrite.remove(sink, "options");
    }
  }

  private static void httpAuth(Rewrite rewrite, List<Object> source) {
    List<Object> auth = Rewrite.child(source, "auth");
    String type = rewrite.at(auth).path("type").asText("").toLowerCase(Locale.ROOT);
    AUTH_ALIASES.getOrDefault(type, Map.of()).forEach((from, to) -> rewrite.rename(auth, from, to));
  }

  /** JDBC auth: {@code mode: env} is basic_env, {@code username_env} is user_env. */
  private static void jdbcAuth(Rewrite rewrite, List<Object> spec) {
    if (!JDBC_TYPE.equalsIgnoreCase(rewrite.at(spec).path("type").asText(""))) {
      return;
    }
    List<Object> auth = Rewrite.child(spec, "auth");
    if (rewrite.at(auth).path("mode").asText("").equalsIgnoreCase("env")) {
      rewrite.put(auth, "mode", rewrite.tree().textNode("basic_env"));
    }
    rewrite.rename(auth, "username_env", "user_env");
  }
}
