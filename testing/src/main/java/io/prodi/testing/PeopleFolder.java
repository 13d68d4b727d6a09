package io.prodi.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test's temporary folder holding {@code in/people.csv} (a padded name, a negative amount, a repeated
 * id, an empty name and amount) and the layer configs the test writes beside it.
 */
public abstract class PeopleFolder {
  protected static final String PEOPLE = "id,name,country,amount,updated\n"
      + "1, Ana ,CO,10.5,2024-01-01\n"
      + "2,Luis,CO,-3.0,2024-01-02\n"
      + "3,Marta,MX,7.25,2024-01-03\n"
      + "2,Luis,CO,4.0,2024-01-05\n"
      + "4,,US,,2024-01-04\n";
  /** Its schema, quoted for a YAML flow mapping. */
  protected static final String PEOPLE_SCHEMA = "'id INT, name STRING, country STRING, amount DOUBLE, updated DATE'";

  @TempDir
  protected Path tmp;
  protected ConfigFolder folder;

  @BeforeEach
  void setUpFolder() {
    folder = new ConfigFolder(tmp);
    folder.write("in/people.csv", PEOPLE);
  }

  /** A layer config whose source is the people CSV; {@code rest} adds keys (transform, dq, ...). */
  protected String config(String name, String layer, String sinks, String rest) {
    return folder.write(name, "layer: " + layer + "\n"
        + "io:\n  source: {name: people, format: csv, path: in/people.csv, options: {header: 'true'}, schema: "
        + PEOPLE_SCHEMA + "}\n" + "  sink:\n" + sinks + rest);
  }

  /** A path in the folder, as text. */
  protected String at(String relative) {
    return tmp.resolve(relative).toString();
  }
}
