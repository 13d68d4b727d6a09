package io.prodi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** Dataset names as the OpenLineage naming spec gives them, from the locations a run summary holds. */
class DatasetNameTest {
  @Test
  void objectStoresNameTheBucketAsNamespaceAndTheKeyAsName() {
    assertThat(DatasetName.ofLocation("gs://lake-prod/bronze/orders")).isEqualTo(new DatasetName("gs://lake-prod", "bronze/orders"));
    assertThat(DatasetName.ofLocation("s3a://raw-bucket/in/x.csv")).isEqualTo(new DatasetName("s3://raw-bucket", "in/x.csv"));
    assertThat(DatasetName.ofLocation("abfss://data@acct.dfs.core.windows.net/silver/t"))
        .isEqualTo(new DatasetName("abfss://data@acct.dfs.core.windows.net", "silver/t"));
    assertThat(DatasetName.ofLocation("hdfs://nn:8020/warehouse/t")).isEqualTo(new DatasetName("hdfs://nn:8020", "/warehouse/t"));
  }

  @Test
  void localFilesAreInTheFileNamespaceByAbsolutePath() {
    assertThat(DatasetName.ofLocation("/data/raw/x")).isEqualTo(new DatasetName("file", "/data/raw/x"));
    assertThat(DatasetName.ofLocation("file:///data/raw/x")).isEqualTo(new DatasetName("file", "/data/raw/x"));
    assertThat(DatasetName.ofLocation("rel/x").name()).isEqualTo(Paths.get("rel/x").toAbsolutePath().toString());
  }

  @Test
  void jdbcTablesAreNamedByServerAndDatabaseWithoutCredentialsOrOptions() {
    assertThat(DatasetName.ofLocation("jdbc:postgresql://db.internal:5433/shop?user=etl&password=x table sales.orders"))
        .isEqualTo(new DatasetName("postgres://db.internal:5433", "shop.sales.orders"));
    assertThat(DatasetName.ofLocation("jdbc:postgresql://db/shop table orders"))
        .isEqualTo(new DatasetName("postgres://db:5432", "shop.public.orders"));
    assertThat(DatasetName.ofLocation("jdbc:mysql://m:3306/shop table t")).isEqualTo(new DatasetName("mysql://m:3306", "shop.t"));
  }

  @Test
  void warehouseTablesHttpApisBigQueryAndIceberg() {
    assertThat(DatasetName.ofLocation("table lake.orders")).isEqualTo(new DatasetName("spark_catalog", "lake.orders"));
    assertThat(DatasetName.ofLocation("GET https://api.example.com/v1/items?page=1"))
        .isEqualTo(new DatasetName("https://api.example.com", "/v1/items"));
    assertThat(DatasetName.bigQuery("proj", "sales", "orders")).isEqualTo(new DatasetName("bigquery", "proj.sales.orders"));
    assertThat(DatasetName.ofLocation("bigquery my-proj.sales.orders"))
        .as("a bigquery sink's or source's location").isEqualTo(new DatasetName("bigquery", "my-proj.sales.orders"));
    assertThat(DatasetName.icebergTable("gs://wh/db/orders")).isEqualTo(new DatasetName("gs://wh", "db/orders"));
  }
}
