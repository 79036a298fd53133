package dev.plancheck;

import dev.plancheck.input.Problem;
import dev.plancheck.input.ProblemCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every ledger format by file name extension: this library's JSON and NDJSON, then the formats that other modules on
 * the class path register as {@link LedgerFormat} services (xlsx and CSV when plancheck-io is there). The one
 * registry of readers: {@link PlanChecker#read(java.nio.file.Path)}, the check pipeline, the command line and the
 * service all choose from it.
 *
 * <pre>{@code
 * LedgerFormats.extensions();           // [.json, .ndjson, .csv, .xlsx] with plancheck-io present
 * LedgerFormats.forFile("台账.xlsx");    // the xlsx format, or null without plancheck-io
 * }</pre>
 */
public final class LedgerFormats {
    private static volatile Map<String, LedgerFormat> byExtension;

    private LedgerFormats() {
    }

    /** The extensions read as ledgers, {@code .json} first. */
    public static List<String> extensions() {
        return List.copyOf(all().keySet());
    }

    /** The format that reads a file of this name, or {@code null} when none does. */
    public static LedgerFormat forFile(String fileName) {
        return all().get(extension(fileName));
    }

    /** The extensions of the formats that hold waivers, e.g. {@code [.json, .xlsx]}. */
    public static List<String> waiverExtensions() {
        return all().entrySet().stream().filter(e -> e.getValue().readsWaivers()).map(Map.Entry::getKey).toList();
    }

    /** {@code .json、.ndjson、.csv 或 .xlsx}: the extensions, for messages. */
    static String listed(List<String> extensions) {
        if (extensions.size() < 2) {
            return String.join("", extensions);
        }
        return String.join("、", extensions.subList(0, extensions.size() - 1)) + " 或 " + extensions.get(extensions.size() - 1);
    }

    /** Why a file of this name is not read as a ledger: no format reads it (with how to re-save a spreadsheet). */
    static Problem unsupported(String name) {
        String ext = extension(name);
        String hint = spreadsheetToResave(name);
        return new Problem(ProblemCode.FILE_TYPE_UNSUPPORTED, name, 0, 0, "", "不能读取"
                + (ext.isEmpty() ? "没有扩展名的" : "“" + ext + "”") + "文件；"
                + (hint != null ? hint : "请提交 " + listed(extensions()) + " 文件"));
    }

    /** Why a file of this name is not read for waivers. */
    static Problem unsupportedWaivers(String name) {
        return new Problem(ProblemCode.FILE_TYPE_UNSUPPORTED, name, 0, 0, "", "情况说明只能从"
                + (waiverExtensions().contains(".xlsx") ? " .xlsx 台账的“情况说明”工作表或 " : " ")
                + ".json 文件读取，不能读取“" + extension(name) + "”文件");
    }

    /**
     * For a spreadsheet in a format that is not read (.xls, WPS .et, .ods), how to re-save it as .xlsx; {@code null}
     * for any other file name.
     */
    public static String spreadsheetToResave(String fileName) {
        return switch (extension(fileName)) {
            case ".xls" -> "这是旧版 Excel 97-2003 格式，请“另存为” .xlsx";
            case ".et", ".ods" -> "请在 WPS 或办公软件中“另存为” .xlsx";
            default -> null;
        };
    }

    static String extension(String fileName) {
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static Map<String, LedgerFormat> all() {
        Map<String, LedgerFormat> known = byExtension;
        if (known == null) {
            synchronized (LedgerFormats.class) {
                if (byExtension == null) {
                    byExtension = load();
                }
                known = byExtension;
            }
        }
        return known;
    }

    private static Map<String, LedgerFormat> load() {
        Map<String, LedgerFormat> out = new LinkedHashMap<>();
        List<LedgerFormat> formats = new ArrayList<>(List.of(new JsonLedgerFormat(), new NdjsonLedgerFormat()));
        List<LedgerFormat> found = new ArrayList<>();
        ServiceLoader.load(LedgerFormat.class, LedgerFormats.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(LedgerFormat::name));
        formats.addAll(found);
        for (LedgerFormat f : formats) {
            for (String ext : f.extensions()) {
                out.putIfAbsent(ext, f); // the first of an extension wins: a format cannot be replaced by accident
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
