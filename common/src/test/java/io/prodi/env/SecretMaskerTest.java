package io.prodi.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  @Test
  void masksValuesReadFromCredentialVariables() {
    SecretMasker masker = SecretMasker.of(List.of("s3cr3t-token", "pw"));
    assertThat(masker.mask("Authorization: Bearer s3cr3t-token; pw stays (too short to mask)"))
        .isEqualTo("Authorization: Bearer ****; pw stays (too short to mask)");
  }

  @Test
  void masksUrlPasswords() {
    assertThat(SecretMasker.none().mask("jdbc:postgresql://app:hunter2@db:5432/x and https://u:p4ss@api.example.com/v1"))
        .isEqualTo("jdbc:postgresql://app:****@db:5432/x and https://u:****@api.example.com/v1");
  }

  @Test
  void masksSecretQueryAndJdbcParameters() {
    assertThat(SecretMasker.none().mask("https://api.example.com/x?page=2&api_key=abc123&token=zz9 "
        + "jdbc:sqlserver://h;user=app;password=hunter2;encrypt=true"))
        .isEqualTo("https://api.example.com/x?page=2&api_key=****&token=**** "
            + "jdbc:sqlserver://h;user=app;password=****;encrypt=true");
  }

  @Test
  void longerSecretsAreMaskedBeforeTheirPrefixes() {
    assertThat(SecretMasker.of(List.of("abc", "abcdef")).mask("abcdef abc")).isEqualTo("**** ****");
  }
}
