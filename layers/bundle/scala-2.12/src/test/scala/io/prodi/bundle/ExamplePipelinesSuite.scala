package io.prodi.bundle

import java.io.{ByteArrayOutputStream, PrintStream}
import java.nio.charset.StandardCharsets
import java.nio.file.{Files, Path, Paths, StandardCopyOption}

import scala.collection.JavaConverters._

import io.prodi.cli.{CliContext, Prodi}
import io.prodi.config.Layer
import io.prodi.yaml.ConfigFiles
import io.prodi.engine.SparkLayerEngine
import org.apache.spark.sql.{Row, SparkSession}
import org.scalatest.BeforeAndAfterAll
import org.scalatest.funsuite.AnyFunSuite

/**
 * End to end: the four layer entry points run the shipped example configs in order on the bundled
 * sample data (a copy, in a temporary base dir) on one local[2] session, and the gold outputs are
 * compared with the expected rows.
 */
class ExamplePipelinesSuite extends AnyFunSuite with BeforeAndAfterAll {
  private lazy val spark = SparkSession.builder().master("local[2]").appName("prodi-e2e")
    .config("spark.ui.enabled", "false")
    .config("spark.sql.shuffle.partitions", "2")
    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
    .getOrCreate()
  private lazy val base: Path = Files.createTempDirectory("prodi-e2e")

  override def beforeAll(): Unit = {
    for (folder <- Seq("cfg", "samples")) {
      Files.walk(Paths.get(folder)).iterator().asScala.foreach { source =>
        val target = base.resolve(source.toString)
        if (Files.isDirectory(source)) Files.createDirectories(target)
        else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
      }
    }
  }

  private def runLayer(layer: Layer, config: String, vars: String*): (Int, String) = {
    val out = new ByteArrayOutputStream()
    val err = new ByteArrayOutputStream()
    val context = new CliContext(new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"),
      Map.empty[String, String].asJava, new SparkLayerEngine(_ => spark), () => ConfigFiles.fromSystemProperties())
    val args = Seq("--config", base.resolve(config).toString, "--base-dir", base.toString) ++
      vars.flatMap(v => Seq("--vars", v))
    val code = Prodi.executeLayer(layer, args.toArray, context)
    (code, out.toString(StandardCharsets.UTF_8.name()) + err.toString(StandardCharsets.UTF_8.name()))
  }

  private def rows(format: String, relative: String, query: String): Seq[String] = {
    spark.read.format(format).option("header", "true").load(base.resolve(relative).toString)
      .createOrReplaceTempView("result")
    spark.sql(query).collect().toSeq.map((r: Row) => r.toSeq.map(v => String.valueOf(v)).mkString("|")).sorted
  }

  test("the customers example runs raw -> bronze -> silver -> gold") {
    val steps = Seq(Layer.RAW -> "cfg/raw/example.yml", Layer.BRONZE -> "cfg/bronze/example.yml",
      Layer.SILVER -> "cfg/silver/example.yml", Layer.GOLD -> "cfg/gold/example.yml")
    for ((layer, config) <- steps) {
      val (code, output) = runLayer(layer, config, "ds=2024-06-30")
      assert(code == 0, output)
    }
    assert(rows("csv", "data/gold/customers_by_country",
      "SELECT country, customers, first_signup, last_signup, avg_tenure_days FROM result") == Seq(
      "CO|2|2024-01-05|2024-01-09|175.0",
      "DE|1|2024-04-02|2024-04-02|89.0",
      "ES|1|2024-03-20|2024-03-20|102.0",
      "IT|1|2024-03-04|2024-03-04|118.0",
      "MX|2|2024-02-11|2024-05-01|100.0",
      "US|2|2024-02-15|2024-03-01|128.5"))
    assert(rows("parquet", "data/quarantine/customers", "SELECT customer_id, array_join(_dq_failed, ',') FROM result")
      == Seq("C009|valid_values_country"))
  }

  test("the finance example runs raw -> bronze -> silver -> gold, twice with the same result") {
    val steps = Seq(Layer.RAW -> "cfg/finance/raw/transactions.yml", Layer.BRONZE -> "cfg/finance/bronze/transactions.yml",
      Layer.SILVER -> "cfg/finance/silver/transactions.yml", Layer.GOLD -> "cfg/finance/gold/transactions.yml")
    val expected = Seq(
      "A100|USD|2024-06-01|100.50|2|1", "A100|USD|2024-06-03|310.00|1|0", "A100|USD|2024-06-04|88.80|1|0",
      "A200|EUR|2024-06-01|999.99|1|0", "A200|EUR|2024-06-03|60.10|1|0", "A300|COP|2024-06-02|15000.00|1|0",
      "A300|COP|2024-06-03|-5000.00|1|1", "A300|COP|2024-06-04|23000.00|1|0", "A400|USD|2024-06-04|12.00|1|0",
      "A500|USD|2024-06-03|250000000.00|1|0")
    for (round <- 1 to 2) {
      for ((layer, config) <- steps) {
        val (code, output) = runLayer(layer, config)
        assert(code == 0, output)
      }
      val query = "SELECT account_id, currency, posted_date, total_amount, transactions, reversals FROM result"
      assert(rows("delta", "data/gold/account_daily", query) == expected, s"round $round")
      assert(rows("csv", "data/gold/account_daily_csv", query) == expected, s"round $round")
    }
    assert(rows("parquet", "data/quarantine/transactions",
      "SELECT transaction_id, array_join(_dq_failed, ',') FROM result") ==
      Seq("T0005|not_null_account_id", "T0007|valid_values_currency"), "the rerun replaced its quarantine")
  }
}
