package io.prodi.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodi.config.Layer;
import io.prodi.config.LayerConfig;
import io.prodi.env.RunEnvironment;
import io.prodi.sink.FilesSinkSpec;
import io.prodi.source.FilesSourceSpec;
import io.prodi.testing.ConfigFolder;
import io.prodi.testing.FolderFileSystem;
import io.prodi.testing.TestConfigFiles;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String LAYER = "layer: bronze\n"
      + "io:\n  source: {path: in}\n  sink: {path: out}\n";

  @TempDir
  Path tmp;
  private ConfigFolder folder;

  @BeforeEach
  void setUp() {
    folder = new ConfigFolder(tmp);
  }

  private LoadedLayer load(String uri) {
    return load(uri, Map.of());
  }

  private LoadedLayer load(String uri, Map<String, String> vars) {
    return new ConfigLoader(TestConfigFiles.files(), RunEnvironment.of(Map.of(), Map.of()), vars, tmp.toString())
        .loadLayer(uri, Optional.empty());
  }

  private static String sinkPath(LayerConfig config) {
    return config.sinks().get(0).location(config.locationStorage(), config.baseDir());
  }

  @Test
  void extendsResolvesAgainstTheFoldersOfTheFilesAndDeepMerges() {
    folder.write("shared/root.yml", "layer: bronze\ncompute: {app_name: root, options: {a: '1', b: '2'}}\n"
        + "io:\n  source: {path: in, format: csv}\n  sink: {path: out}\n");
    folder.write("shared/base.yml", "extends: root.yml\ncompute: {options: {b: '20'}}\n");
    String child = folder.write("cfg/bronze/child.yml", "extends: ../../shared/base.yml\n"
        + "compute: {options: {c: '3'}}\nio: {sink: {path: elsewhere, format: delta}}\n");
    LayerConfig config = load(child).config();
    assertThat(config.compute().appName()).contains("root");
    assertThat(config.compute().options()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "20", "c", "3"));
    assertThat(((FilesSourceSpec) config.sources().get(0)).format()).isEqualTo("csv");
    assertThat(((FilesSinkSpec) config.sinks().get(0)).format()).isEqualTo("delta");
    assertThat(sinkPath(config)).isEqualTo(tmp.resolve("elsewhere").toString());
  }

  @Test
  void listsInTheChildReplaceTheBasesLists() {
    folder.write("base.yml", LAYER + "transform: {pre: [{drop: [a]}, {drop: [b]}]}\n");
    String child = folder.write("child.yml", "extends: base.yml\ntransform: {pre: [{drop: [c]}]}\n");
    assertThat(load(child).config().transform().pre()).extracting(s -> s.describe()).containsExactly("drop c");
  }

  @Test
  void anExtendsCycleIsAnErrorNamingTheFilesOfTheCycle() {
    String a = folder.write("a.yml", "extends: b.yml\nlayer: raw\n");
    String b = folder.write("b.yml", "extends: c.yml\n");
    String c = folder.write("c.yml", "extends: a.yml\n");
    assertThatThrownBy(() -> load(a)).isInstanceOf(ConfigException.class)
        .hasMessage(a + ": extends: Cannot extend " + a + ": extends forms a cycle (" + a + " -> " + b + " -> " + c
            + " -> " + a + ")");
  }

  @Test
  void aMissingBaseIsAnErrorNamingIt() {
    String child = folder.write("child.yml", "extends: nowhere.yml\n" + LAYER);
    String base = tmp.resolve("nowhere.yml").toString();
    assertThatThrownBy(() -> load(child)).isInstanceOf(ConfigException.class)
        .hasMessage(child + ": extends: Cannot read the extends base: file not found (" + base + ")");
  }

  @Test
  void aBaseOrDatasetNotBesideTheFileIsLookedUpUnderTheBaseDir() {
    folder.write("cfg/shared/base.yml", LAYER + "compute: {app_name: from_base}\n");
    folder.write("config/datasets/orders.yml", "id: orders\nlayers:\n  bronze:\n    compute: {options: {x: '1'}}\n");
    String child = folder.write("cfg/bronze/child.yml", "extends: cfg/shared/base.yml\n"
        + "dataset_config: config/datasets/orders.yml\n");
    LayerConfig config = load(child).config();
    assertThat(config.compute().appName()).contains("from_base");
    assertThat(config.compute().options()).containsEntry("x", "1");
  }

  @Test
  void aBaseFoundInNeitherPlaceNamesBoth() {
    String child = folder.write("cfg/bronze/child.yml", "extends: cfg/nowhere.yml\n");
    assertThatThrownBy(() -> load(child)).isInstanceOf(ConfigException.class)
        .hasMessage(child + ": extends: Cannot read the extends base: file not found ("
            + tmp.resolve("cfg/bronze/cfg/nowhere.yml") + ", also tried " + tmp.resolve("cfg/nowhere.yml") + ")");
  }

  @Test
  void variablesAreRenderedInBasesToo() {
    folder.write("base.yml", LAYER + "compute: {app_name: 'app_{{ team }}_${ds}'}\n");
    String child = folder.write("child.yml", "extends: base.yml\n");
    assertThat(load(child, Map.of("team", "fin", "ds", "2024-01-02")).config().compute().appName())
        .contains("app_fin_2024-01-02");
  }

  @Test
  void datasetDefaultsApplyOnlyWhereTheLayerConfigIsSilent() {
    folder.write("datasets/orders.yml", "id: orders\nlayers:\n  bronze:\n"
        + "    compute: {app_name: from_dataset, options: {x: '1'}}\n"
        + "    io: {sink: {format: delta, mode: overwrite}}\n"
        + "  silver:\n    compute: {app_name: not_this_one}\n");
    String cfg = folder.write("cfg.yml", "layer: bronze\ndataset_config: datasets/orders.yml\n"
        + "compute: {options: {y: '2'}}\nio: {source: {path: in}, sink: {path: out, mode: append}}\n");
    LoadedLayer loaded = load(cfg);
    LayerConfig config = loaded.config();
    assertThat(config.compute().appName()).contains("from_dataset");
    assertThat(config.compute().options()).containsExactlyInAnyOrderEntriesOf(Map.of("x", "1", "y", "2"));
    assertThat(((FilesSinkSpec) config.sinks().get(0)).format()).isEqualTo("delta");
    assertThat(config.sinks().get(0).mode()).isEqualTo(io.prodi.sink.WriteMode.APPEND);
    assertThat(config.datasetId()).contains("orders");
  }

  @Test
  void legacyPathsBlockIsReadAsDatasetAndEnvironmentConfigWithAWarningForDatabase() {
    folder.write("ds.yml", "id: legacy\nlayers: {bronze: {compute: {app_name: legacy_app}}}\n");
    folder.write("env.yml", "timezone: America/Bogota\n");
    String cfg = folder.write("cfg.yml", LAYER + "paths: {dataset: ds.yml, environment: env.yml, database: db.yml}\n");
    LoadedLayer loaded = load(cfg);
    assertThat(loaded.config().compute().appName()).contains("legacy_app");
    assertThat(loaded.config().environmentConfig().timezone()).isEqualTo("America/Bogota");
    assertThat(loaded.problems()).extracting(ConfigProblem::severity).containsExactly(ConfigProblem.Severity.WARNING);
    assertThat(loaded.problems().get(0).line()).isEqualTo(cfg + ": paths.database: Ignoring database: the Python "
        + "version never implemented its gold metadata database; write gold marts to a database with a sink of type "
        + "jdbc; prodi migrate removes it (db.yml)");
  }

  @Test
  void datasetAndEnvironmentConfigMayStandUnderIoSourceAsInThePythonVersion() {
    folder.write("ds.yml", "id: under_source\n");
    folder.write("env.yml", "timezone: Europe/Madrid\n");
    String cfg = folder.write("cfg.yml", "layer: bronze\n"
        + "io:\n  source: {path: in, dataset_config: ds.yml, environment_config: env.yml}\n  sink: {path: out}\n");
    LayerConfig config = load(cfg).config();
    assertThat(config.datasetId()).contains("under_source");
    assertThat(config.environmentConfig().timezone()).isEqualTo("Europe/Madrid");
  }

  @Test
  void problemsInTheEnvironmentConfigNameThatFile() {
    String env = folder.write("env.yml", "timezone: Mars/Olympus\nstorage: {gs: {defualt_uri: x}}\n");
    String cfg = folder.write("cfg.yml", LAYER + "environment_config: env.yml\n");
    assertThatThrownBy(() -> load(cfg)).isInstanceOf(ConfigException.class).hasMessage(String.join("\n",
        env + ": timezone: Cannot use time zone Mars/Olympus: expected a region such as UTC or America/Bogota "
            + "(Mars/Olympus)",
        env + ": storage.gs.defualt_uri: Cannot use key 'defualt_uri' in storage.gs: unknown key, did you mean "
            + "'default_uri'? (valid keys: auth, credentials, default_uri, endpoint, hadoop)"));
  }

  @Test
  void readsFileUris() {
    String path = folder.write("cfg.yml", LAYER);
    assertThat(load("file://" + path).config().layer()).isEqualTo(Layer.BRONZE);
  }

  @Test
  void readsAnyHadoopFileSystemIncludingExtendsAndDatasetOnIt() {
    System.setProperty(FolderFileSystem.ROOT_PROPERTY, tmp.resolve("store").toString());
    folder.write("store/bucket/cfg/base.yml", LAYER + "compute: {app_name: from_testfs}\n");
    folder.write("store/bucket/cfg/child.yml", "extends: base.yml\ndataset_config: testfs://bucket/ds.yml\n");
    folder.write("store/bucket/ds.yml", "id: remote_dataset\n");
    LayerConfig config = load("testfs://bucket/cfg/child.yml").config();
    assertThat(config.compute().appName()).contains("from_testfs");
    assertThat(config.datasetId()).contains("remote_dataset");
    assertThat(config.uri()).isEqualTo("testfs://bucket/cfg/child.yml");
  }

  @Test
  void aMissingConfigIsOneClearError() {
    String missing = tmp.resolve("nope.yml").toString();
    assertThatThrownBy(() -> load(missing)).isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": $: Cannot read config: file not found (" + missing + ")");
  }
}
