package dev.plancheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scenario files named on the command line: files as given, folders searched for {@code *.json}. */
record ScenarioFiles(List<Path> files, boolean bad) {
    /** Expands the paths; a path that cannot be used is printed with its reason and makes {@code bad} true. */
    static ScenarioFiles expand(List<Path> paths, PrintWriter err) {
        List<Path> files = new ArrayList<>();
        boolean bad = false;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
                } catch (IOException e) {
                    err.println(p + "：无法列出文件夹（" + e.getMessage() + "）");
                    bad = true;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println(p + "：文件或文件夹不存在");
                bad = true;
            }
        }
        return new ScenarioFiles(List.copyOf(files), bad);
    }
}
