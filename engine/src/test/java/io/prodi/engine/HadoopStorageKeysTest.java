package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.env.RunEnvironment;
import io.prodi.run.RunFailure;
import io.prodi.storage.StorageSpec;
import io.prodi.yaml.ConfigNode;
import io.prodi.yaml.Findings;
import io.prodi.yaml.YamlTree;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environment-config storage to the Hadoop keys of the gcs-connector 2.2, S3A and ABFS. */
class HadoopStorageKeysTest {
  private static Map<String, String> keys(String yaml, Map<String, String> env) {
    Findings findings = new Findings("env.yml");
    Map<String, StorageSpec> storage = StorageSpec.bindAll(ConfigNode.root(YamlTree.parse(yaml, findings), findings));
    assertThat(findings.problems()).isEmpty();
    return HadoopStorageKeys.of(storage, RunEnvironment.of(env, Map.of()));
  }

  @Test
  void gcsKeyFileProjectAndHadoopKeys() {
    assertThat(keys("gs: {credentials: {token_env: KEYFILE, project_env: PROJECT}, hadoop: {fs.gs.block.size: '1'}}",
        Map.of("KEYFILE", "/keys/sa.json", "PROJECT", "lake-prod"))).containsExactly(
        Map.entry("fs.gs.auth.type", "SERVICE_ACCOUNT_JSON_KEYFILE"),
        Map.entry("fs.gs.auth.service.account.json.keyfile", "/keys/sa.json"),
        Map.entry("fs.gs.project.id", "lake-prod"),
        Map.entry("fs.gs.block.size", "1"));
  }

  @Test
  void gcsEmulatorOnLoopbackUsesNullAuth() {
    assertThat(keys("gs: {endpoint: 'http://127.0.0.1:9023'}", Map.of())).containsExactly(
        Map.entry("fs.gs.storage.root.url", "http://127.0.0.1:9023/"),
        Map.entry("fs.gs.auth.type", "UNAUTHENTICATED"));
  }

  @Test
  void workloadIdentityNeedsNoKeys() {
    assertThat(keys("gs: {auth: workload_identity}", Map.of())).isEmpty();
  }

  @Test
  void s3AccessKeysSessionTokenAndInstanceRole() {
    assertThat(keys("s3: {credentials: {access_key_env: AK, secret_key_env: SK}}", Map.of("AK", "ak", "SK", "sk")))
        .containsExactly(Map.entry("fs.s3a.access.key", "ak"), Map.entry("fs.s3a.secret.key", "sk"),
            Map.entry("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"));
    assertThat(keys("s3: {credentials: {access_key_env: AK, secret_key_env: SK, session_token_env: ST}}",
        Map.of("AK", "ak", "SK", "sk", "ST", "st"))).containsEntry("fs.s3a.session.token", "st")
        .containsEntry("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider");
    assertThat(keys("s3: {auth: iam_role}", Map.of())).containsExactly(Map.entry("fs.s3a.aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.auth.IAMInstanceCredentialsProvider"));
    assertThat(keys("s3: {endpoint: 'http://127.0.0.1:4568'}", Map.of())).containsExactly(
        Map.entry("fs.s3a.endpoint", "http://127.0.0.1:4568"), Map.entry("fs.s3a.path.style.access", "true"),
        Map.entry("fs.s3a.connection.ssl.enabled", "false"));
  }

  @Test
  void abfsSharedKeySasServicePrincipalAndManagedIdentity() {
    String account = ".prodlake.dfs.core.windows.net";
    assertThat(keys("abfss: {credentials: {account_name_env: ACC, account_key_env: KEY}}",
        Map.of("ACC", "prodlake", "KEY", "k=="))).containsExactly(
        Map.entry("fs.azure.account.auth.type" + account, "SharedKey"), Map.entry("fs.azure.account.key" + account, "k=="));
    assertThat(keys("abfss: {default_uri: 'abfss://c@prodlake.dfs.core.windows.net/', credentials: {sas_token_env: SAS}}",
        Map.of("SAS", "sv=1"))).containsEntry("fs.azure.account.auth.type" + account, "SAS")
        .containsEntry("fs.azure.sas.fixed.token" + account, "sv=1");
    assertThat(keys("abfss: {credentials: {account_name_env: ACC, client_id_env: CI, client_secret_env: CS, "
        + "tenant_id_env: T}}", Map.of("ACC", "prodlake", "CI", "id", "CS", "secret", "T", "tenant")))
        .containsEntry("fs.azure.account.oauth2.client.endpoint" + account,
            "https://login.microsoftonline.com/tenant/oauth2/token")
        .containsEntry("fs.azure.account.oauth2.client.secret" + account, "secret");
    assertThat(keys("abfss: {auth: managed_identity, default_uri: 'abfss://c@prodlake.dfs.core.windows.net/'}", Map.of()))
        .containsEntry("fs.azure.account.oauth.provider.type" + account,
            "org.apache.hadoop.fs.azurebfs.oauth2.MsiTokenProvider");
  }

  @Test
  void aMissingVariableFailsTheRunNamingIt() {
    assertThatThrownBy(() -> keys("s3: {credentials: {access_key_env: AK}}", Map.of())).isInstanceOf(RunFailure.class)
        .hasMessage("Cannot configure s3 storage: environment variable AK is not set (access_key_env)");
  }

  /** The SAS keys work with the hadoop-azure that Spark 3.5 ships: ABFS's own configuration loads the provider. */
  @Test
  void abfsSasUsesAProviderThatTheShippedHadoopAzureCanLoad() throws Exception {
    String account = "prodlake.dfs.core.windows.net";
    Map<String, String> keys = keys("abfss: {default_uri: 'abfss://c@" + account + "/', credentials: {sas_token_env: SAS}}",
        Map.of("SAS", "?sv=2022-11-02&sig=abc"));
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
    keys.forEach(conf::set);
    org.apache.hadoop.fs.azurebfs.extensions.SASTokenProvider provider =
        new org.apache.hadoop.fs.azurebfs.AbfsConfiguration(conf, account).getSASTokenProvider();
    assertThat(provider).isInstanceOf(io.prodi.engine.storage.FixedSasTokenProvider.class);
    assertThat(provider.getSASToken(account, "c", "/x", "read")).isEqualTo("sv=2022-11-02&sig=abc");
  }

  @Test
  void gcsImpersonatesTheServiceAccountNamedByItsVariable() {
    assertThat(keys("gs: {credentials: {service_account_env: RUN_AS}}", Map.of("RUN_AS", "etl@p.iam.gserviceaccount.com")))
        .containsExactly(Map.entry("fs.gs.auth.impersonation.service.account", "etl@p.iam.gserviceaccount.com"));
  }

  @Test
  void aCredentialOrAuthModeWithoutEffectForTheProtocolIsAnError() {
    Findings findings = new Findings("env.yml");
    StorageSpec.bindAll(ConfigNode.root(YamlTree.parse("s3: {auth: managed_identity, credentials: "
        + "{service_account_env: X, access_key_env: A, secret_key_env: S}}\ngs: {credentials: {sas_token_env: Y}}",
        findings), findings));
    assertThat(findings.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactlyInAnyOrder(
        "s3.credentials.service_account_env: Cannot use credential service_account_env for s3 storage: it has no "
            + "effect there (valid for s3: access_key_env, secret_key_env, session_token_env)",
        "s3.auth: Cannot use auth managed_identity for s3 storage: it has no effect there (valid for s3: iam_role)",
        "gs.credentials.sas_token_env: Cannot use credential sas_token_env for gs storage: it has no effect there "
            + "(valid for gs: project_env, service_account_env, token_env)");
  }
}
