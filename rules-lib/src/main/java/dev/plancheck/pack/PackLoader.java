package dev.plancheck.pack;

import dev.plancheck.json.JsonFields;
import dev.plancheck.report.PackFingerprint;
import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import dev.plancheck.input.RulePackException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.json.LocatedJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads packs from the class path or from disk, collecting every problem before failing. */
public final class PackLoader {
    private static final String INDEX = RuleSet.BUNDLED_ROOT + "/packs.json";

    // Read once, on first use. Not a static initializer: a broken index would turn into ExceptionInInitializerError
    // once and NoClassDefFoundError ever after; here every call reports the same RulePackException.
    private static volatile List<String> bundledIds;

    private PackLoader() {
    }

    /** The ids of the bundled packs, the default first. */
    public static List<String> bundledIds() {
        List<String> ids = bundledIds;
        if (ids == null) {
            synchronized (PackLoader.class) {
                if (bundledIds == null) {
                    bundledIds = bundledIndex();
                }
                ids = bundledIds;
            }
        }
        return ids;
    }

    private static List<String> bundledIndex() {
        try (InputStream in = PackLoader.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new RulePackException(List.of(new Problem(ProblemCode.PACK_INVALID, "classpath:" + INDEX, 0, 0, "", "内置规则包索引不存在")));
            }
            List<Problem> problems = new ArrayList<>();
            LocatedJson doc = LocatedJson.parse("classpath:" + INDEX, in.readAllBytes(), problems);
            if (doc == null || !doc.root().path("packs").isArray()) {
                throw new RulePackException(problems.isEmpty()
                        ? List.of(new Problem(ProblemCode.PACK_INVALID, "classpath:" + INDEX, 0, 0, "$.packs", "应为规则包 id 的数组")) : problems);
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : doc.root().get("packs")) {
                ids.add(id.asText());
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundled pack by id (the caller has checked that there is one). */
    public static LoadedPack bundled(String id) {
        ResourceDir root = new ResourceDir.Classpath(RuleSet.BUNDLED_ROOT);
        return load(root, id + ".json", null);
    }

    /** A bundled pack when {@code idOrPath} is a bundled id, otherwise the pack whose parameter file is at that path. */
    public static LoadedPack resolve(String idOrPath) {
        return bundledIds().contains(idOrPath) ? bundled(idOrPath) : load(Path.of(idOrPath));
    }

    /**
     * The pack loaded from an origin a pack reported ({@code RulePack.origin()}): the bundled pack of a
     * {@code classpath:} origin, the parameter file of any other. The authoring kit reads a pack's files this way.
     */
    public static LoadedPack reload(String origin) {
        String prefix = "classpath:" + RuleSet.BUNDLED_ROOT + "/";
        if (origin.startsWith(prefix) && origin.endsWith(".json")) {
            return bundled(origin.substring(prefix.length(), origin.length() - ".json".length()));
        }
        return load(Path.of(origin));
    }

    /** A pack from its parameter file on disk (or a folder holding {@code pack.json}). */
    public static LoadedPack load(Path parameterFile) {
        Path file = parameterFile;
        if (Files.isDirectory(file)) {
            file = file.resolve("pack.json");
        }
        if (!Files.isRegularFile(file)) {
            // A device (/dev/zero) or a FIFO exists but is no parameter file: say which, and never read it.
            throw new RulePackException(List.of(new Problem(Files.exists(file) ? ProblemCode.FILE_NOT_REGULAR : ProblemCode.PACK_NOT_FOUND,
                    parameterFile.toString(), 0, 0, "", (Files.exists(file)
                    ? "不是普通文件（是管道、设备或套接字等），未读取" : "规则包参数文件不存在")
                    + "；请给出内置规则包 id（" + String.join("、", bundledIds())
                    + "）或参数文件（或含 pack.json 的文件夹）的路径")));
        }
        Path dir = file.toAbsolutePath().getParent();
        return load(new ResourceDir.Directory(dir), file.getFileName().toString(), dir);
    }

    private static LoadedPack load(ResourceDir dir, String fileName, Path localDir) {
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
            byte[] parameterFile = dir.read(fileName);
            return new LoadedPack(parameters, ruleSet, dir.nameOf(fileName), dir instanceof ResourceDir.Classpath onClassPath
                    ? Fingerprints.bundled(onClassPath, fileName, parameters, parameterFile, ruleSet)
                    : Fingerprints.of(parameters, parameterFile, ruleSet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
