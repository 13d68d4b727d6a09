package io.prodi.engine.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.source.HttpSourceSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads an http source: pages fetched with the JDK HttpClient and written as they arrive, as JSON
 * lines, to a staging folder (the `staging` URI, else `<base-dir>/data/_staging`) that Spark then
 * reads; the driver holds one page at a time. The folder is removed when the run ends, after success
 * and after failure; a failure on any page fails the run before anything is written.
 */
final class HttpSourceReader {
  private static final long RECORDS_PER_FILE = 100_000;
  private static final long PROGRESS_NANOS = 5_000_000_000L;

  private HttpSourceReader() {}

  static Dataset<Row> read(HttpSourceSpec spec, StepContext context) {
    String name = spec.name().orElse("http");
    Path staging = new Path(context.resolve(spec.staging().orElse("data/_staging")), context.runId() + "-" + name);
    FileSystem fs;
    try {
      fs = staging.getFileSystem(context.spark().sessionState().newHadoopConf());
    } catch (IOException e) {
      throw new RunFailure("Cannot stage http records: " + e.getMessage() + " (" + staging + ")", e);
    }
    context.onFinish(() -> delete(fs, staging));
    Duration timeout = Duration.ofMillis((long) (spec.timeoutSeconds() * 1000));
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    HttpCaller caller = new HttpCaller(spec, client, new HttpAuth(spec.auth(), context, client, timeout));
    StagedRecords staged = new StagedRecords(fs, staging, context, name);
    context.describe("fetch http " + name);
    int pages = new HttpPages(spec, caller, context.watermark(spec)).fetch(staged::write);
    staged.close();
    context.console().progress("[" + context.layer() + "] http " + name + ": " + pages + " pages, " + staged.records
        + " records staged");
    if (staged.records == 0) {
      if (spec.schema().isEmpty()) {
        context.console().progress("[" + context.layer() + "] http " + name + ": no records and no schema, so the"
            + " input has no columns; give the source a schema to keep the SQL working on such a day");
        return context.spark().emptyDataFrame();
      }
      return context.spark().createDataFrame(java.util.List.of(),
          org.apache.spark.sql.types.StructType.fromDDL(spec.schema().get()));
    }
    org.apache.spark.sql.DataFrameReader reader = context.spark().read();
    spec.schema().ifPresent(reader::schema);
    return reader.json(staging.toString());
  }

  private static void delete(FileSystem fs, Path staging) {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new RunFailure("Cannot remove the http staging folder: " + e.getMessage() + " (" + staging + ")", e);
    }
  }

  /** JSON lines files of the staged records, a new file every {@link #RECORDS_PER_FILE} records. */
  private static final class StagedRecords {
    private final FileSystem fs;
    private final Path folder;
    private final StepContext context;
    private final String name;
    private final long start = System.nanoTime();
    private long lastProgress = System.nanoTime();
    private OutputStream out;
    private long inFile;
    private int files;
    private int pages;
    long records;

    StagedRecords(FileSystem fs, Path folder, StepContext context, String name) {
      this.fs = fs;
      this.folder = folder;
      this.context = context;
      this.name = name;
    }

    void write(ArrayNode page) {
      try {
        for (JsonNode record : page) {
          if (out == null || inFile >= RECORDS_PER_FILE) {
            rotate();
          }
          out.write(record.toString().getBytes(StandardCharsets.UTF_8));
          out.write('\n');
          inFile++;
          records++;
        }
      } catch (IOException e) {
        throw new RunFailure("Cannot stage http records: " + e.getMessage() + " (" + folder + ")", e);
      }
      pages++;
      if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
        lastProgress = System.nanoTime();
        double seconds = (lastProgress - start) / 1e9;
        context.console().progress(String.format(Locale.ROOT, "[%s] http %s: %d pages, %d records, %.0f records/s",
            context.layer(), name, pages, records, records / seconds));
      }
    }

    private void rotate() throws IOException {
      close();
      out = fs.create(new Path(folder, String.format("part-%05d.jsonl", files++)), true);
      inFile = 0;
    }

    void close() {
      if (out != null) {
        try {
          out.close();
        } catch (IOException e) {
          throw new RunFailure("Cannot stage http records: " + e.getMessage() + " (" + folder + ")", e);
        }
        out = null;
      }
    }
  }
}
