package io.prodi.config.schema;

import static io.prodi.config.schema.SchemaNodes.JSON;
import static io.prodi.config.schema.SchemaNodes.arrayOf;
import static io.prodi.config.schema.SchemaNodes.enumOf;
import static io.prodi.config.schema.SchemaNodes.object;
import static io.prodi.config.schema.SchemaNodes.props;
import static io.prodi.config.schema.SchemaNodes.ref;
import static io.prodi.config.schema.SchemaNodes.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.config.EnvironmentConfig;
import io.prodi.config.Layer;
import io.prodi.config.load.DatasetConfig;
import io.prodi.config.load.PipelineFile;
import io.prodi.configtest.ConfigTest;
import io.prodi.configtest.ExpectedRows;
import io.prodi.configtest.Fixture;
import java.util.Arrays;

/**
 * The definitions of the config files that are not layers (environment, dataset, pipeline, config
 * test), for {@link ConfigSchema}: they refer to the layer's definitions ({@code compute}, {@code io},
 * {@code storage}, ...) by name.
 */
final class FileKindSchemas {
  private FileKindSchemas() {}

  static void define(ObjectNode definitions) {
    ObjectNode environment = object(EnvironmentConfig.KEYS);
    props(environment).set("storage", ref("storage"));
    props(environment).set("events", object(EnvironmentConfig.EVENTS_KEYS));
    props(environment).set("lineage", ref("lineage"));
    props(environment).set("catalogs", ref("catalogs"));
    definitions.set("environment", environment);
    ObjectNode catalog = object(io.prodi.catalog.CatalogSpec.KEYS);
    props(catalog).set("type", enumOf(io.prodi.catalog.CatalogType.ids()));
    props(catalog).set("options", type("object"));
    definitions.set("catalog", catalog);
    ObjectNode catalogs = JSON.createObjectNode().put("type", "object");
    catalogs.set("additionalProperties", ref("catalog"));
    definitions.set("catalogs", catalogs);
    ObjectNode lineage = object(io.prodi.config.LineageSpec.KEYS);
    props(lineage).set("transport", enumOf("file", "http"));
    props(lineage).set("timeout_seconds", type("integer"));
    definitions.set("lineage", lineage);

    ObjectNode dataset = object(DatasetConfig.KEYS);
    ObjectNode block = object(DatasetConfig.BLOCK_KEYS);
    props(block).set("compute", ref("compute"));
    props(block).set("io", ref("io"));
    props(block).set("transform", ref("transform"));
    props(block).set("dq", ref("dq"));
    props(block).set("storage", ref("storage"));
    props(block).set("lineage", ref("lineage"));
    props(block).set("catalogs", ref("catalogs"));
    ObjectNode layers = JSON.createObjectNode().put("type", "object");
    layers.set("propertyNames", enumOf(Arrays.stream(Layer.values()).map(Layer::id).toArray(String[]::new)));
    layers.set("additionalProperties", block);
    props(dataset).set("layers", layers);
    definitions.set("dataset", dataset);

    ObjectNode pipeline = object(PipelineFile.KEYS);
    props(pipeline).set("steps", arrayOf(ref("pipeline_step")));
    props(pipeline).set("pipeline", arrayOf(ref("pipeline_step")));
    definitions.set("pipeline", pipeline);
    ObjectNode step = object(PipelineFile.STEP_KEYS);
    props(step).set("layer", enumOf(Arrays.stream(Layer.values()).map(Layer::id).toArray(String[]::new)));
    props(step).set("vars", type("object"));
    props(step).set("after", arrayOf(type("string")));
    definitions.set("pipeline_step", step);

    ObjectNode test = object(ConfigTest.KEYS);
    ObjectNode inputs = JSON.createObjectNode().put("type", "object");
    inputs.set("additionalProperties", object(Fixture.KEYS));
    props(test).set("inputs", inputs);
    ObjectNode expect = object(ConfigTest.EXPECT_KEYS);
    props(expect).set("output", object(ExpectedRows.KEYS));
    props(expect).set("quarantine", object(ExpectedRows.KEYS));
    ObjectNode results = JSON.createObjectNode().put("type", "object");
    results.set("additionalProperties", object(ConfigTest.RESULT_KEYS));
    props(expect).set("expectations", results);
    props(test).set("expect", expect);
    props(test).set("vars", type("object"));
    definitions.set("test", test);
  }
}
