package io.prodi.testing;

/** The people CSV the engine tests read: a padded name, a negative amount, a repeated id, an empty name and amount. */
public final class People {
  public static final String CSV = "id,name,country,amount,updated\n"
      + "1, Ana ,CO,10.5,2024-01-01\n"
      + "2,Luis,CO,-3.0,2024-01-02\n"
      + "3,Marta,MX,7.25,2024-01-03\n"
      + "2,Luis,CO,4.0,2024-01-05\n"
      + "4,,US,,2024-01-04\n";
  /** Its schema, quoted for a YAML flow mapping. */
  public static final String SCHEMA = "'id INT, name STRING, country STRING, amount DOUBLE, updated DATE'";

  private People() {}
}
