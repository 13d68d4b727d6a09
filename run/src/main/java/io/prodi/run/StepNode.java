package io.prodi.run;

import io.prodi.config.load.LoadedLayer;
import io.prodi.config.load.PipelineFile;
import java.util.List;

/** One step of a {@link PipelineGraph}: its place in the file, its loaded config, its data and what it waits for. */
public final class StepNode {
  private final int index;
  private final PipelineFile.Step step;
  private final LoadedLayer loaded;
  private final StepData data;
  private final List<Dependency> dependencies;

  StepNode(int index, PipelineFile.Step step, LoadedLayer loaded, StepData data, List<Dependency> dependencies) {
    this.index = index;
    this.step = step;
    this.loaded = loaded;
    this.data = data;
    this.dependencies = List.copyOf(dependencies);
  }

  /** Its position in the pipeline file, from 0. */
  public int index() {
    return index;
  }

  public String name() {
    return step.name();
  }

  public PipelineFile.Step step() {
    return step;
  }

  public LoadedLayer loaded() {
    return loaded;
  }

  public StepData data() {
    return data;
  }

  public List<Dependency> dependencies() {
    return dependencies;
  }
}
