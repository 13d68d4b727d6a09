package io.prodi.engine.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodi.engine.spi.StepContext;
import io.prodi.engine.spi.StreamPlan;
import io.prodi.run.RunFailure;
import io.prodi.source.FilesSourceSpec;
import io.prodi.source.WatermarkSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * {@code incremental: {by: files}}: plans a files source's micro-batch from a listing of its location (Hadoop's
 * file system, every folder below it, names starting with {@code _} or {@code .} left out, as Spark's readers do).
 * The position is the files already read, by name, with their modification times; a file older than the newest
 * one read minus {@code max_file_age} (7 days) is taken as read and forgotten, so the position stays small (as
 * Spark's file stream source forgets by {@code maxFileAge}). A batch takes the oldest new files first, at most
 * {@code max_files_per_run}; an {@code available_now} run stops at the newest file its first batch saw.
 */
public final class NewFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NewFiles() {}

  public static StreamPlan plan(FilesSourceSpec spec, StreamPlan.Request request, StepContext context) {
    WatermarkSpec position = spec.watermark().orElseThrow();
    if (request.pending().isPresent()) {
      JsonNode intent = read(request.pending().get());
      return new StreamPlan(request.pending().get(), intent.path("next").toString(), intent.path("read").size(), 0,
          null, true);
    }
    JsonNode committed = request.committed().map(NewFiles::read).orElse(JSON.createObjectNode());
    long floor = committed.path("floor").asLong(Long.MIN_VALUE);
    JsonNode known = committed.path("files");
    long target = request.target().map(t -> read(t).path("newest").asLong()).orElse(Long.MAX_VALUE);
    List<FileStatus> fresh = list(spec, context).stream()
        .filter(f -> f.getModificationTime() >= floor && !known.has(f.getPath().toString()))
        .sorted(Comparator.comparingLong(FileStatus::getModificationTime).thenComparing(f -> f.getPath().toString()))
        .collect(Collectors.toList());
    List<FileStatus> upToTarget = fresh.stream().filter(f -> f.getModificationTime() <= target)
        .collect(Collectors.toList());
    List<FileStatus> batch = upToTarget.subList(0, Math.min(upToTarget.size(),
        position.maxFilesPerRun().orElse(Integer.MAX_VALUE)));
    ObjectNode next = next(known, batch, position);
    ObjectNode intent = JSON.createObjectNode();
    ArrayNode paths = intent.putArray("read");
    batch.forEach(f -> paths.add(f.getPath().toString()));
    intent.set("next", next);
    long newest = fresh.stream().mapToLong(FileStatus::getModificationTime).max().orElse(0L);
    String runTarget = JSON.createObjectNode().put("newest", request.target().isPresent() ? target : newest).toString();
    return new StreamPlan(intent.toString(), batch.isEmpty() && committed.size() > 0 ? committed.toString()
        : next.toString(), batch.size(), fresh.size() - batch.size(), runTarget, batch.size() == upToTarget.size());
  }

  /** The files of a batch's intent, for the reader. */
  public static List<String> planned(String intent) {
    List<String> out = new ArrayList<>();
    read(intent).path("read").forEach(p -> out.add(p.asText()));
    return out;
  }

  /** The position after a batch: the files read, by name, less those older than the newest minus max_file_age. */
  private static ObjectNode next(JsonNode known, List<FileStatus> batch, WatermarkSpec position) {
    Map<String, Long> files = new TreeMap<>();
    known.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asLong()));
    batch.forEach(f -> files.put(f.getPath().toString(), f.getModificationTime()));
    long newest = files.values().stream().mapToLong(Long::longValue).max().orElse(0L);
    long floor = newest - position.maxFileAge().toMillis();
    ObjectNode out = JSON.createObjectNode().put("floor", floor);
    ObjectNode kept = out.putObject("files");
    files.forEach((path, time) -> {
      if (time >= floor) {
        kept.put(path, time);
      }
    });
    return out;
  }

  private static List<FileStatus> list(FilesSourceSpec spec, StepContext context) {
    String location = spec.location(context.config().locationStorage(), context.config().baseDir());
    Path root = new Path(location);
    List<FileStatus> out = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(context.spark().sessionState().newHadoopConf());
      if (!fs.exists(root)) {
        throw new RunFailure("Cannot list the new files of " + location + ": no such folder (" + location + ")");
      }
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        if (!hidden(root, file.getPath())) {
          out.add(file);
        }
      }
    } catch (IOException e) {
      throw new RunFailure("Cannot list the new files of " + location + ": " + e.getMessage() + " (" + location + ")", e);
    }
    return out;
  }

  /** A file Spark's readers skip: its name, or a folder's between the root and it, starts with _ or . */
  private static boolean hidden(Path root, Path file) {
    String rootPath = root.toUri().getPath();
    for (Path p = file; p != null && !p.toUri().getPath().equals(rootPath); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new RunFailure("Cannot read the new-files position: not JSON (" + json + ")", e);
    }
  }
}
