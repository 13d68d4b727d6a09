package io.prodi.bundle

import java.io.{ByteArrayOutputStream, PrintStream}
import java.nio.charset.StandardCharsets
import java.nio.file.{Files, Paths}

import scala.collection.JavaConverters._

import io.prodi.cli.{CliContext, Prodi}
import io.prodi.config.Layer
import io.prodi.yaml.ConfigFiles
import io.prodi.engine.SparkLayerEngine
import org.scalatest.funsuite.AnyFunSuite

/**
 * The shipped example configs through each layer's entry point, in one JVM, as a pipeline runs them:
 * a dry run of every layer and of every production config with the guard forced.
 */
class ExamplePipelinesDrySuite extends AnyFunSuite {
  private def run(layer: Option[Layer], env: Map[String, String], args: String*): (Int, String, String) = {
    val out = new ByteArrayOutputStream()
    val err = new ByteArrayOutputStream()
    val context = new CliContext(new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"),
      env.asJava, new SparkLayerEngine(_ => throw new IllegalStateException("a dry run must not start Spark")),
      () => ConfigFiles.fromSystemProperties())
    val code = layer match {
      case Some(l) => Prodi.executeLayer(l, args.toArray, context)
      case None => Prodi.execute(args.toArray, context)
    }
    (code, out.toString(StandardCharsets.UTF_8.name()), err.toString(StandardCharsets.UTF_8.name()))
  }

  for (layer <- Layer.values()) {
    test(s"${layer.mainClass()} dry-runs cfg/${layer.id()}/example.yml") {
      val (code, out, err) = run(Some(layer), Map.empty, "--config", s"cfg/${layer.id()}/example.yml", "--dry-run")
      assert(code == 0, err)
      assert(out.startsWith(s"[${layer.id()}] plan for cfg/${layer.id()}/example.yml (dry run)"))
      assert(out.contains("\"status\":\"dry_run\""))
    }
  }

  private val productionConfigs = Files.walk(Paths.get("cfg")).iterator().asScala
    .map(_.toString).filter(_.endsWith(".prod.yml")).filterNot(_.startsWith("cfg/env/")).toList.sorted

  test("there are production configs for every layer and pipeline") {
    // raw, bronze, silver and gold on aws, azure and gcp, gold to BigQuery and gold to Iceberg in BigLake
    assert(productionConfigs.count(p => !p.contains("pipelines")) == 14)
    assert(productionConfigs.contains("cfg/bigquery/gold/gcp.prod.yml"))
    assert(productionConfigs.contains("cfg/iceberg/gold/gcp.prod.yml"))
    assert(productionConfigs.count(_.contains("pipelines")) == 3)
  }

  for (config <- productionConfigs) {
    test(s"$config dry-runs when PRODI_FORCE_DRY_RUN forces it") {
      val command = if (config.contains("pipelines")) Seq("run-pipeline", "-p", config) else Seq("run-layer", "-c", config)
      val (code, out, err) = run(None, Map("PRODI_FORCE_DRY_RUN" -> "true"), command: _*)
      assert(code == 0, err)
      assert(out.contains("- forcing dry_run execution"))
      assert(!err.contains("prodi: error"), err)
    }
  }
}
