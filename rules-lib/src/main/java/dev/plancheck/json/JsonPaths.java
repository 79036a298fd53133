package dev.plancheck.json;

import dev.plancheck.text.VisibleText;

/** Building and taking apart the JSON paths used in messages, e.g. {@code $.activities[3].date}. */
public final class JsonPaths {
    // Compiled once: this runs for every member of every record read, and String.matches compiles per call.
    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private JsonPaths() {
    }

    /** The path of a member of the object at {@code parent}; odd names are quoted, e.g. {@code $['a b']}. */
    public static String child(String parent, String name) {
        // A path is echoed in every message about the value; a hostile name must not make it huge.
        name = VisibleText.excerpt(name);
        if (PLAIN_NAME.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The path of the element at {@code index} of the array at {@code parent}. */
    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The enclosing path; {@code $} is its own parent. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "$" : path.substring(0, cut);
    }
}
