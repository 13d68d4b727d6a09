package io.prodi.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.xbean.asm9.ClassReader;
import org.apache.xbean.asm9.ClassVisitor;
import org.apache.xbean.asm9.MethodVisitor;
import org.apache.xbean.asm9.Opcodes;

/**
 * Every {@code instanceof} in a module's compiled classes (read with ASM, as Spark ships it), as
 * "a/b/Owner instanceof x/y/Type": what ArchitectureTest checks against the spec classes.
 */
final class TypeChecks {
  private TypeChecks() {}

  static Set<String> in(Path classes) {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files.filter(f -> f.toString().endsWith(".class")).forEach(f -> read(f, found));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static void read(Path classFile, Set<String> found) {
    try (InputStream in = Files.newInputStream(classFile)) {
      ClassReader reader = new ClassReader(in);
      String owner = reader.getClassName();
      reader.accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
          return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitTypeInsn(int opcode, String type) {
              if (opcode == Opcodes.INSTANCEOF) {
                found.add(owner + " instanceof " + type);
              }
            }
          };
        }
      }, ClassReader.SKIP_DEBUG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
