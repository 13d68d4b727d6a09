package io.prodi.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Iceberg catalogs a config can declare: {@link #HADOOP} (tables as folders of a warehouse on any file
 * system), {@link #REST} (an Iceberg REST catalog server) and {@link #BIGLAKE} (Google's BigLake metastore
 * REST catalog, with Google authentication and Cloud Storage I/O preset).
 */
public enum CatalogType {
  HADOOP, REST, BIGLAKE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(CatalogType::id).collect(Collectors.toList());
  }

  static Optional<CatalogType> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id().equalsIgnoreCase(id)).findFirst();
  }
}
