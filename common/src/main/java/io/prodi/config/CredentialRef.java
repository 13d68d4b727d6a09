package io.prodi.config;

import java.util.Objects;

/** A credential that a config reads from an environment variable: the variable's name and where. */
public final class CredentialRef {
  private final String variable;
  private final String file;
  private final String path;

  public CredentialRef(String variable, String file, String path) {
    this.variable = Objects.requireNonNull(variable, "variable");
    this.file = file;
    this.path = path;
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
