package io.prodi.compat.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code storage.<protocol>.storage_options}, the Python version's fsspec options: {@code use_tls: true}
 * is what prodi always does, {@code use_tls: false} is the TLS rule's business, {@code project} is the
 * gcs-connector's project id; fsspec client options have no Hadoop meaning and warn.
 */
final class StorageForms {
  private StorageForms() {}

  static void apply(Rewrite rewrite, List<Object> storage) {
    JsonNode block = rewrite.at(storage);
    if (!block.isObject()) {
      return;
    }
    List<String> protocols = new ArrayList<>();
    block.fieldNames().forEachRemaining(protocols::add);
    for (String protocol : protocols) {
      List<Object> at = Rewrite.child(storage, protocol);
      if (rewrite.at(at).path("storage_options").isObject()) {
        options(rewrite, at, protocol);
      }
    }
  }

  private static void options(Rewrite rewrite, List<Object> at, String protocol) {
    List<Object> options = Rewrite.child(at, "storage_options");
    if (rewrite.at(options).size() == 0) {
      rewrite.ignore(at, "storage_options", "no fsspec option is set");
      return;
    }
    JsonNode tls = rewrite.at(options).path("use_tls");
    if (tls.isBoolean() && tls.asBoolean()) {
      rewrite.remove(options, "use_tls");
    } else if (tls.isBoolean()) {
      tlsOff(rewrite, at, options, protocol);
    } else if (!tls.isMissingNode()) {
      rewrite.findings().error(Rewrite.show(options, "use_tls"),
          "Cannot read use_tls: expected a YAML boolean (true or false, unquoted) (" + tls.asText() + ")");
    }
    JsonNode project = rewrite.at(options).path("project");
    if (project.isTextual() && protocol.equals("gs")) {
      hadoop(rewrite, at, "fs.gs.project.id", project.asText());
      rewrite.remove(options, "project");
    }
    List<String> others = new ArrayList<>();
    rewrite.at(options).fieldNames().forEachRemaining(others::add);
    others.remove("use_tls"); // still there: turned off where TLS cannot be, an error kept in the file
    for (String key : others) {
      rewrite.ignoreForHuman(options, key, key.equals("client_kwargs") || key.equals("config_kwargs")
          ? "fsspec client options have no effect on Hadoop's file systems; set storage." + protocol
              + ".endpoint (https://) or storage." + protocol + ".hadoop keys instead"
          : "this fsspec option has no effect on Hadoop's file systems; set storage." + protocol + ".hadoop keys");
    }
    if (rewrite.at(options).size() == 0) {
      rewrite.remove(at, "storage_options");
    }
  }

  /** {@code use_tls: false}: the TLS rule's error, unless the endpoint is on a loopback address (emulators). */
  private static void tlsOff(Rewrite rewrite, List<Object> at, List<Object> options, String protocol) {
    String endpoint = rewrite.at(at).path("endpoint").asText("");
    if (!io.prodi.storage.Loopback.urlHost(endpoint).map(io.prodi.storage.Loopback::isLoopbackHost).orElse(false)) {
      rewrite.findings().error(Rewrite.show(options, "use_tls"), "Cannot turn TLS off for " + protocol
          + ": allowed only for an endpoint on a loopback address (use_tls: false)");
      return;
    }
    if (protocol.equals("s3")) {
      hadoop(rewrite, at, "fs.s3a.connection.ssl.enabled", "false");
    } else if (protocol.equals("abfss")) {
      hadoop(rewrite, at, "fs.azure.always.use.https", "false");
    }
    rewrite.remove(options, "use_tls");
  }

  private static void hadoop(Rewrite rewrite, List<Object> at, String key, String value) {
    JsonNode existing = rewrite.at(at).path("hadoop");
    ObjectNode hadoop = existing.isObject() ? ((ObjectNode) existing).deepCopy() : rewrite.tree().objectNode();
    hadoop.put(key, value);
    rewrite.put(at, "hadoop", hadoop);
  }
}
