package io.prodi.engine.source.kafka;

import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.KafkaAuthSpec;
import io.prodi.source.KafkaSourceSpec;
import io.prodi.source.KafkaValueSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka client settings of a kafka source: its brokers, transactional reads ({@code read_committed}) and
 * authentication, with credentials read from their variables at run time and added to the run's secrets. The
 * same settings reach the driver's consumer (offsets) and, prefixed {@code kafka.}, Spark's connector.
 */
public final class KafkaConnection {
  private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule";
  private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

  private KafkaConnection() {}

  /** The client properties (without the {@code kafka.} prefix). */
  public static Map<String, String> clientProperties(KafkaSourceSpec spec, StepContext context) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("bootstrap.servers", spec.bootstrapServers());
    out.put("isolation.level", "read_committed");
    KafkaAuthSpec auth = spec.auth();
    if (auth.type() == KafkaAuthSpec.Type.NONE) {
      out.put("security.protocol", "PLAINTEXT");
    } else if (auth.type() == KafkaAuthSpec.Type.GOOGLE) {
      out.put("security.protocol", "SASL_SSL");
      out.put("sasl.mechanism", "OAUTHBEARER");
      out.put("sasl.login.callback.handler.class", GoogleTokenCallbackHandler.class.getName());
      String host = context.env().get("GCE_METADATA_HOST").filter(h -> !h.isBlank()).orElse(null);
      out.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
          + (host == null ? "" : " " + GoogleTokenCallbackHandler.METADATA_HOST + "=\"" + quoted(host) + "\"") + ";");
    } else {
      String user = variable(auth.usernameEnv().orElseThrow(), context);
      String password = variable(auth.passwordEnv().orElseThrow(), context);
      context.console().addSecrets(List.of(user, password));
      out.put("security.protocol", auth.tls() ? "SASL_SSL" : "SASL_PLAINTEXT");
      out.put("sasl.mechanism", auth.type().saslMechanism().orElseThrow());
      out.put("sasl.jaas.config", (auth.type() == KafkaAuthSpec.Type.PLAIN ? PLAIN : SCRAM)
          + " required username=\"" + quoted(user) + "\" password=\"" + quoted(password) + "\";");
    }
    spec.options().forEach((key, value) -> {
      if (key.startsWith("kafka.")) {
        out.put(key.substring("kafka.".length()), value);
      }
    });
    return out;
  }

  /** Spark's Kafka options for the same connection: each client property prefixed {@code kafka.}. */
  public static Map<String, String> sparkOptions(KafkaSourceSpec spec, StepContext context) {
    Map<String, String> out = new LinkedHashMap<>();
    clientProperties(spec, context).forEach((key, value) -> out.put("kafka." + key, value));
    spec.options().forEach((key, value) -> {
      if (!key.startsWith("kafka.")) {
        out.put(key, value);
      }
    });
    return out;
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String variable(String name, StepContext context) {
    return context.env().credential(name).orElseThrow(() -> new RunFailure(
        "Cannot connect to Kafka: environment variable " + name + " is not set (" + name + ")"));
  }
}
