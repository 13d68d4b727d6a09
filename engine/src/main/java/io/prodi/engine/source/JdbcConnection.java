package io.prodi.engine.source;

import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.JdbcAuthSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Spark JDBC options shared by jdbc sources and sinks: URL, driver, the user's options, credentials. */
public final class JdbcConnection {
  private JdbcConnection() {}

  /**
   * The options for Spark's JDBC data source. Credentials come from the named variables at run time
   * (a missing one was already refused before the run); they go to the driver, never to a log.
   */
  public static Map<String, String> options(String url, java.util.Optional<String> driver, Map<String, String> options,
      JdbcAuthSpec auth, StepContext context) {
    Map<String, String> out = new LinkedHashMap<>(options);
    out.put("url", url);
    driver.ifPresent(d -> out.put("driver", d));
    if (auth.mode().equals("basic_env")) {
      String user = variable(auth.userEnv().orElseThrow(), context);
      String password = variable(auth.passwordEnv().orElseThrow(), context);
      out.put("user", user);
      out.put("password", password);
      context.console().addSecrets(java.util.List.of(user, password));
    } else if (auth.mode().equals("managed_identity")) {
      out.putIfAbsent("authentication", "ActiveDirectoryManagedIdentity"); // the VM's identity, no secret
    }
    return out;
  }

  private static String variable(String name, StepContext context) {
    return context.env().credential(name).orElseThrow(() -> new RunFailure(
        "Cannot connect: environment variable " + name + " is not set (" + name + ")"));
  }
}
