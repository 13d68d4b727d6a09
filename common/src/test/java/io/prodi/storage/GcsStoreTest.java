package io.prodi.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/** The object-store contract on the firebase-tools Cloud Storage emulator (bin/local-stores) through the gcs-connector. */
class GcsStoreTest extends ObjectStoreContract {
  static final int PORT = Integer.parseInt(System.getenv().getOrDefault("PRODI_GCS_PORT", "9023"));

  @Override
  String scheme() {
    return "gs";
  }

  @Override
  String storeName() {
    return "gs";
  }

  @Override
  int port() {
    return PORT;
  }

  /** The connector has no per-bucket settings: the "cluster" reaches every bucket of the emulator. */
  @Override
  Map<String, String> reach(String bucket) {
    return endpoint("http://127.0.0.1:" + PORT + "/");
  }

  @Override
  Map<String, String> unreachable() {
    Map<String, String> keys = endpoint("http://127.0.0.1:1/");
    keys.put("fs.gs.http.max.retry", "1");
    keys.put("fs.gs.http.connect-timeout", "1000");
    return keys;
  }

  private static Map<String, String> endpoint(String rootUrl) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("fs.gs.storage.root.url", rootUrl);
    keys.put("fs.gs.auth.service.account.enable", "false");
    keys.put("fs.gs.auth.null.enable", "true");
    keys.put("fs.gs.project.id", "prodi-local");
    return keys;
  }

  @Override
  Map<String, String> credentials() {
    return Map.of();
  }
}
