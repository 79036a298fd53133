package dev.plancheck.pack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

        /**
         * Lists the folder in every directory of the class path that has it (tests put a folder of the same name in
         * {@code test-classes}). A folder inside a jar is not listed: a jar is made from {@code target/classes}, a
         * directory, where every test of the library that loads the bundled rule sets listed it first; and listing
         * a jar reads every one of its entries (11,000 in the command line's jar, a tenth of a cold check's pack
         * reading; docs/performance.md). Other kinds of class path entry are not listed either.
         */
        @Override
        public List<String> list(String suffix) throws IOException {
            Set<String> names = new TreeSet<>();
            Enumeration<URL> urls = ResourceDir.class.getClassLoader().getResources(path);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    try {
                        names.addAll(new Directory(Path.of(url.toURI())).list(suffix));
                    } catch (URISyntaxException e) {
                        // not a plain file path: nothing to list
                    }
                }
            }
            return List.copyOf(names);
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
