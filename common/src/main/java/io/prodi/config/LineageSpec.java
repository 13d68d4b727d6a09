package io.prodi.config;

import io.prodi.yaml.ConfigNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code lineage:} where a layer run sends its OpenLineage events: a JSON-lines file ({@code transport: file},
 * {@code path}) or an HTTP endpoint such as Marquez's {@code /api/v1/lineage} ({@code transport: http},
 * {@code url}), under the job namespace {@code namespace}.
 */
public final class LineageSpec {
  public static final Set<String> KEYS = Set.of("transport", "path", "url", "namespace", "timeout_seconds");
  public static final String DEFAULT_NAMESPACE = "prodi";

  /** How events leave the process. */
  public enum Transport {
    FILE, HTTP;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static List<String> ids() {
      return Arrays.stream(values()).map(Transport::id).collect(Collectors.toList());
    }
  }

  private final Transport transport;
  private final String target;
  private final String namespace;
  private final int timeoutSeconds;

  private LineageSpec(Transport transport, String target, String namespace, int timeoutSeconds) {
    this.transport = transport;
    this.target = target;
    this.namespace = namespace;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The block's spec, or empty when it is missing or wrong (the problems are recorded with their paths). */
  public static Optional<LineageSpec> bind(ConfigNode node) {
    if (node.isMissing()) {
      return Optional.empty();
    }
    node.allowKeys("lineage", KEYS);
    String given = node.get("transport").requiredText("the lineage transport (" + String.join(", ", Transport.ids()) + ")");
    if (given == null) {
      return Optional.empty();
    }
    Optional<Transport> transport = Arrays.stream(Transport.values()).filter(t -> t.id().equals(given)).findFirst();
    if (transport.isEmpty()) {
      node.get("transport").unknown("lineage transport", given, Transport.ids());
      return Optional.empty();
    }
    String target = transport.get() == Transport.FILE ? filePath(node.get("path")) : url(node.get("url"));
    String other = transport.get() == Transport.FILE ? "url" : "path";
    if (node.has(other)) {
      node.get(other).error("Cannot use lineage." + other + " with transport " + given + ": it belongs to the "
          + (transport.get() == Transport.FILE ? "http" : "file") + " transport (" + node.get(other).shown() + ")");
    }
    String namespace = Optional.ofNullable(node.get("namespace").text()).orElse(DEFAULT_NAMESPACE);
    Integer timeout = node.get("timeout_seconds").positiveInt();
    return target == null ? Optional.empty()
        : Optional.of(new LineageSpec(transport.get(), target, namespace, timeout == null ? 10 : timeout));
  }

  private static String filePath(ConfigNode path) {
    String value = path.requiredText("the file lineage events are appended to (lineage.path)");
    if (value != null && value.contains("://") && !value.startsWith("file://")) {
      path.error("Cannot append lineage events to " + value + ": the file transport writes a local file; "
          + "use transport: http for a lineage service (" + value + ")");
      return null;
    }
    return value;
  }

  private static String url(ConfigNode url) {
    String value = url.requiredText("the lineage endpoint (lineage.url), e.g. http://marquez:5000/api/v1/lineage");
    if (value != null && !value.startsWith("http://") && !value.startsWith("https://")) {
      url.error("Cannot send lineage events to " + value + ": expected an http:// or https:// URL (" + value + ")");
      return null;
    }
    return value;
  }

  public Transport transport() {
    return transport;
  }

  /** The file's path (file transport) or the endpoint's URL (http transport). */
  public String target() {
    return target;
  }

  /** The OpenLineage job namespace. */
  public String namespace() {
    return namespace;
  }

  public int timeoutSeconds() {
    return timeoutSeconds;
  }
}
