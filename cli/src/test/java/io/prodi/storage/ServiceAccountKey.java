package io.prodi.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Google service-account key file made for a test: a fresh RSA key, whose {@code token_uri} points at
 * a local token server, and the check that a token request carries a JWT signed with that very key
 * (what Google's token endpoint verifies).
 */
final class ServiceAccountKey {
  private static final ObjectMapper JSON = new ObjectMapper();
  final String email;
  private final KeyPair pair;

  ServiceAccountKey(String email) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    this.pair = generator.generateKeyPair();
    this.email = email;
  }

  /** Writes the key file (the JSON the Cloud console downloads) and returns its path. */
  Path write(Path folder, String tokenUri) throws IOException {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    Map<String, String> key = new LinkedHashMap<>();
    key.put("type", "service_account");
    key.put("project_id", "prodi-local");
    key.put("private_key_id", "test-key-1");
    key.put("private_key", pem);
    key.put("client_email", email);
    key.put("client_id", "1000000000");
    key.put("token_uri", tokenUri);
    Path file = folder.resolve("service-account.json");
    Files.writeString(file, JSON.writeValueAsString(key));
    return file;
  }

  /**
   * The claims of the JWT-bearer grant in a token request's form body, once its signature is checked
   * against this key's public half; fails on any other grant or signature.
   */
  JsonNode verifiedClaims(String formBody) throws GeneralSecurityException, IOException {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : formBody.split("&")) {
      int eq = pair.indexOf('=');
      form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
      throw new GeneralSecurityException("not a JWT-bearer grant: " + form.get("grant_type"));
    }
    String[] jwt = form.get("assertion").split("\\.");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(pair.getPublic());
    rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    if (!rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
      throw new GeneralSecurityException("the assertion is not signed with the key file's key");
    }
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
  }
}
