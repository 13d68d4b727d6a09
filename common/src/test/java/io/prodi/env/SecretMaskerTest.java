package io.prodi.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  @Test
  void masksValuesReadFromCredentialVariables() {
    SecretMasker masker = SecretMasker.of(List.of("s3cr3t-token", "pw"));
    assertThat(masker.mask("Authorization: Bearer s3cr3t-token; pw=pw"))
        .isEqualTo("Authorization: Bearer ****; ****=****");
  }

  @Test
  void secretsOfAnyLengthAreMaskedShortOnesWhereTheyStandAlone() {
    SecretMasker masker = SecretMasker.of(List.of("x", "ab", "app01", "longsecret99"));
    assertThat(masker.mask("user x, password ab, login app01 at https://app01:ab@db/y; tables: cab, table, "
        + "app010, prefix-longsecret99suffix"))
        .isEqualTo("user ****, password ****, login **** at https://****:****@db/y; tables: cab, table, "
            + "app010, prefix-****suffix");
    assertThat(SecretMasker.of(List.of("")).mask("nothing to mask")).isEqualTo("nothing to mask");
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
