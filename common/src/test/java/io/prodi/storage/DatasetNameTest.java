package io.prodi.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** Dataset names as the OpenLineage naming spec gives them, for each kind of location a spec names. */
class DatasetNameTest {
  @Test
  void objectStoresNameTheBucketAsNamespaceAndTheKeyAsName() {
    assertThat(DatasetName.file("gs://lake-prod/bronze/orders")).isEqualTo(new DatasetName("gs://lake-prod", "bronze/orders"));
    assertThat(DatasetName.file("s3a://raw-bucket/in/x.csv")).isEqualTo(new DatasetName("s3://raw-bucket", "in/x.csv"));
    assertThat(DatasetName.file("abfss://data@acct.dfs.core.windows.net/silver/t"))
        .isEqualTo(new DatasetName("abfss://data@acct.dfs.core.windows.net", "silver/t"));
    assertThat(DatasetName.file("hdfs://nn:8020/warehouse/t")).isEqualTo(new DatasetName("hdfs://nn:8020", "/warehouse/t"));
  }

  @Test
  void localFilesAreInTheFileNamespaceByAbsolutePath() {
    assertThat(DatasetName.file("/data/raw/x")).isEqualTo(new DatasetName("file", "/data/raw/x"));
    assertThat(DatasetName.file("file:///data/raw/x")).isEqualTo(new DatasetName("file", "/data/raw/x"));
    assertThat(DatasetName.file("rel/x").name()).isEqualTo(Paths.get("rel/x").toAbsolutePath().toString());
  }

  @Test
  void jdbcTablesAreNamedByServerAndDatabaseWithoutCredentialsOrOptions() {
    assertThat(DatasetName.jdbc("jdbc:postgresql://db.internal:5433/shop?user=etl&password=x", "sales.orders"))
        .isEqualTo(new DatasetName("postgres://db.internal:5433", "shop.sales.orders"));
    assertThat(DatasetName.jdbc("jdbc:postgresql://db/shop", "orders"))
        .isEqualTo(new DatasetName("postgres://db:5432", "shop.public.orders"));
    assertThat(DatasetName.jdbc("jdbc:mysql://m:3306/shop", "t")).isEqualTo(new DatasetName("mysql://m:3306", "shop.t"));
  }

  @Test
  void warehouseTablesHttpApisBigQueryAndIceberg() {
    assertThat(DatasetName.catalogTable("lake.orders")).isEqualTo(new DatasetName("spark_catalog", "lake.orders"));
    assertThat(DatasetName.http("https://api.example.com/v1/items?page=1"))
        .isEqualTo(new DatasetName("https://api.example.com", "/v1/items"));
    assertThat(DatasetName.bigQuery("proj", "sales", "orders")).isEqualTo(new DatasetName("bigquery", "proj.sales.orders"));
    assertThat(DatasetName.icebergTable("gs://wh/db/orders")).isEqualTo(new DatasetName("gs://wh", "db/orders"));
  }
}
