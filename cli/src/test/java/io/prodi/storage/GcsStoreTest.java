package io.prodi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.testing.CliRun;
import io.prodi.testing.TestApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

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
    keys.put("fs.gs.auth.type", "UNAUTHENTICATED");
    keys.put("fs.gs.project.id", "prodi-local");
    return keys;
  }

  @Override
  Map<String, String> credentials() {
    return Map.of();
  }

  /**
   * {@code credentials.token_env} on the connector 3.x the platform ships: the connector signs a token
   * request with the key file's key (checked against its public half), and the run writes its data.
   * Another bucket, so that no file system cached by the other tests (unauthenticated) is reused.
   */
  @Test
  void aKeyFileConfigAuthenticatesWithThatKey() throws Exception {
    ServiceAccountKey key = new ServiceAccountKey("prodi-runner@prodi-local.iam.gserviceaccount.com");
    List<JsonNode> grants = new ArrayList<>();
    try (TestApi tokens = TestApi.start()) {
      tokens.on("/token", request -> {
        try {
          grants.add(key.verifiedClaims(request.body));
        } catch (Exception e) {
          return TestApi.Answer.status(400, "{\"error\":\"invalid_grant\"}");
        }
        return new TestApi.Answer(200, "{\"access_token\":\"ya29.local-" + UUID.randomUUID()
            + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}", Map.of("Content-Type", "application/json"), 0);
      });
      Path keyFile = key.write(tmp, tokens.url("/token"));
      String data = "gs://prodi-keyfile/" + UUID.randomUUID().toString().substring(0, 8) + "/";
      files().write(cfgRoot() + "/cfg/env/gs-keyfile.yml", "name: gcs-key-file\ntimezone: UTC\nstorage:\n  gs:\n"
          + "    endpoint: \"http://127.0.0.1:" + PORT + "\"\n    credentials: {token_env: GCP_KEY_FILE}\n");
      files().upload("stores/landing/day1.csv", data + "landing/day1.csv");

      CliRun run = prodi("gs-keyfile", cfgRoot() + "/cfg", data, "run-layer", "raw", "-c", storeConfig("raw/transactions.yml"),
          "--env.GCP_KEY_FILE=" + keyFile);

      assertExit(run, 0);
      assertThat(grants).isNotEmpty().allSatisfy(claims -> {
        assertThat(claims.path("iss").asText()).isEqualTo(key.email);
        assertThat(claims.path("scope").asText()).startsWith("https://www.googleapis.com/auth/");
      });
      assertThat(spark().read().parquet(data + "data/raw/transactions").count()).isEqualTo(6);
    }
  }
}
