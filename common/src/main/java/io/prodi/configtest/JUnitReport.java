package io.prodi.configtest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The results of a {@code prodi test} run as JUnit XML, the format CI systems show. */
public final class JUnitReport {
  private JUnitReport() {}

  public static void write(Path file, List<TestResult> results) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "prodi config tests");
      xml.writeAttribute("tests", String.valueOf(results.size()));
      xml.writeAttribute("failures", String.valueOf(results.stream().filter(r -> !r.passed()).count()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("time", seconds(results.stream().mapToLong(TestResult::millis).sum()));
      for (TestResult result : results) {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", result.test().file());
        xml.writeAttribute("name", result.test().name());
        xml.writeAttribute("time", seconds(result.millis()));
        if (!result.passed()) {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", result.differences().get(0));
          xml.writeCharacters(String.join("\n", result.differences()));
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write the JUnit report: " + e.getMessage() + " (" + file + ")", e);
    }
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
