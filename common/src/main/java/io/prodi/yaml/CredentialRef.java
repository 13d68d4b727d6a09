package io.prodi.yaml;

import java.util.Objects;

/**
 * A credential that a config reads from an environment variable: the variable's name, where, and
 * whether its value is a secret to mask (a password or key is; a user or account name is not).
 */
public final class CredentialRef {
  private final String variable;
  private final String file;
  private final String path;
  private final boolean secret;

  public CredentialRef(String variable, String file, String path, boolean secret) {
    this.variable = Objects.requireNonNull(variable, "variable");
    this.file = file;
    this.path = path;
    this.secret = secret;
  }

  /** Whether the value must be masked wherever it would be printed. */
  public boolean secret() {
    return secret;
  }

  public String variable() {
    return variable;
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CredentialRef)) {
      return false;
    }
    CredentialRef that = (CredentialRef) other;
    return variable.equals(that.variable)
        && Objects.equals(file, that.file)
        && Objects.equals(path, that.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(variable, file, path);
  }
}
