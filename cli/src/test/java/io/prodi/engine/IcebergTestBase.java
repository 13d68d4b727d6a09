package io.prodi.engine;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Iceberg tests on the shared session, in each kind of catalog: a Hadoop catalog whose warehouse is a local
 * folder, and Iceberg's own REST catalog server (bin/local-iceberg-rest start; .ci/run starts it), declared
 * in a config as catalog {@code lake}; each test's tables in a namespace of its own.
 */
abstract class IcebergTestBase extends EngineTestBase {
  /** The catalogs under test. */
  enum Catalog {
    HADOOP, REST
  }

  private static final String REST_URI = "http://127.0.0.1:"
      + System.getenv().getOrDefault("PRODI_ICEBERG_REST_PORT", "8181");
  /** A namespace of this test's own: the REST server keeps its tables for as long as it runs. */
  final String namespace = "crm_" + Long.toHexString(System.nanoTime());
  Catalog catalog = Catalog.HADOOP;

  /** The {@code catalogs:} block of a layer config declaring {@code lake} as the catalog under test. */
  String catalogs() {
    return catalog == Catalog.HADOOP ? "catalogs:\n  lake: {type: hadoop, warehouse: '" + at("warehouse") + "'}\n"
        : "catalogs:\n  lake: {type: rest, uri: '" + REST_URI + "'}\n";
  }

  /** Uses the catalog {@code kind}; the name configs give table {@code name} of this test's namespace. */
  String tableIn(Catalog kind, String name) {
    catalog = kind;
    return "lake." + namespace + "." + name;
  }

  /** A table of this test's namespace, read from a session of its own that declares the catalog as a config does. */
  Dataset<Row> icebergTable(String name) {
    org.apache.spark.sql.SparkSession reader = spark().newSession();
    reader.conf().set("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog");
    if (catalog == Catalog.HADOOP) {
      reader.conf().set("spark.sql.catalog.lake.type", "hadoop");
      reader.conf().set("spark.sql.catalog.lake.warehouse", at("warehouse"));
    } else {
      reader.conf().set("spark.sql.catalog.lake.type", "rest");
      reader.conf().set("spark.sql.catalog.lake.uri", REST_URI);
    }
    return reader.table("lake." + namespace + "." + name);
  }
}
