package dev.plancheck.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A folder of a rule pack: on the class path (bundled packs) or on disk (a rule author's pack). */
public sealed interface ResourceDir {
    /** How the folder is named in messages, e.g. {@code classpath:dev/plancheck/packs/dianchang}. */
    String describe();

    /** How a file of the folder is named in messages. */
    String nameOf(String file);

    /** The bytes of a file, or {@code null} when it is not there. */
    byte[] read(String file) throws IOException;

    /** The names of the files in the folder whose names end with {@code suffix}; empty when it cannot be listed. */
    List<String> list(String suffix) throws IOException;

    /** A folder on the class path of this library, e.g. {@code dev/plancheck/packs/dianchang}. */
    record Classpath(String path) implements ResourceDir {
        @Override
        public String describe() {
            return "classpath:" + path;
        }

        @Override
        public String nameOf(String file) {
            return describe() + "/" + file;
        }

        @Override
        public byte[] read(String file) throws IOException {
            try (InputStream in = ResourceDir.class.getClassLoader().getResourceAsStream(path + "/" + file)) {
                return in == null ? null : in.readAllBytes();
            }
        }

        @Override
        public List<String> list(String suffix) {
            return List.of(); // a jar cannot be listed portably; bundled rule sets are covered by a test instead
        }
    }

    /** A folder on disk. */
    record Directory(Path dir) implements ResourceDir {
        @Override
        public String describe() {
            return dir.toString();
        }

        @Override
        public String nameOf(String file) {
            return dir.resolve(file).toString();
        }

        @Override
        public byte[] read(String file) throws IOException {
            try {
                return Files.readAllBytes(dir.resolve(file));
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        @Override
        public List<String> list(String suffix) throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
            }
        }
    }
}
