package dev.plancheck.pack;

import dev.plancheck.PackFingerprint;
import dev.plancheck.Problem;
import dev.plancheck.RulePack;
import dev.plancheck.RulePackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads packs from the class path or from disk, collecting every problem before failing. */
public final class PackLoader {
    /** A pack's files, read and checked; {@link RulePack} wraps it. */
    public record Loaded(PackFile parameters, RuleSet ruleSet, String origin, PackFingerprint fingerprint) {
    }

    private PackLoader() {
    }

    public static Loaded bundled(String id) {
        ResourceDir root = new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT);
        return load(root, id + ".json", null);
    }

    public static Loaded load(Path parameterFile) {
        Path file = parameterFile;
        if (Files.isDirectory(file)) {
            file = file.resolve("pack.json");
        }
        if (!Files.isRegularFile(file)) {
            // A device (/dev/zero) or a FIFO exists but is no parameter file: say which, and never read it.
            throw new RulePackException(List.of(new Problem(parameterFile.toString(), 0, 0, "", (Files.exists(file)
                    ? "不是普通文件（是管道、设备或套接字等），未读取" : "规则包参数文件不存在")
                    + "；请给出内置规则包 id（" + String.join("、", RulePack.bundledIds())
                    + "）或参数文件（或含 pack.json 的文件夹）的路径")));
        }
        Path dir = file.toAbsolutePath().getParent();
        return load(new ResourceDir.Directory(dir), file.getFileName().toString(), dir);
    }

    private static Loaded load(ResourceDir dir, String fileName, Path localDir) {
        List<Problem> problems = new ArrayList<>();
        try {
            JsonFields f = RuleSet.fields(dir, fileName, problems);
            if (f == null) {
                throw new RulePackException(problems);
            }
            PackFile parameters = PackFile.read(f);
            RuleSet ruleSet = null;
            String ref = parameters.ruleSet();
            if (ref != null) {
                boolean relative = ref.startsWith("./") || ref.startsWith("../") || ref.startsWith("/");
                if (relative && localDir == null) {
                    f.report("$.ruleSet", "内置规则包只能引用内置规则集，不能引用路径 \"" + ref + "\"");
                } else if (relative) {
                    Path rules = localDir.resolve(ref).normalize();
                    if (!Files.isDirectory(rules)) {
                        f.report("$.ruleSet", "规则集文件夹 " + rules + " 不存在");
                    } else {
                        ruleSet = RuleSet.load(rules.getFileName().toString(), new ResourceDir.Directory(rules), problems);
                    }
                } else {
                    ResourceDir bundled = new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT + "/" + ref);
                    if (bundled.read("ruleset.json") == null) {
                        f.report("$.ruleSet", "没有名为 \"" + ref + "\" 的内置规则集；引用本地文件夹请以 ./ 开头");
                    } else {
                        ruleSet = RuleSet.load(ref, bundled, problems);
                    }
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(Problem.IN_FILE_ORDER);
                throw new RulePackException(problems);
            }
            return new Loaded(parameters, ruleSet, dir.nameOf(fileName),
                    Fingerprints.of(parameters, dir.read(fileName), ruleSet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
