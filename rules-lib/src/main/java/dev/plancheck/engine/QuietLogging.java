package dev.plancheck.engine;

import java.util.ServiceLoader;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps the library silent on stderr when the embedder has no logging binding. Drools logs through SLF4J; with no
 * provider on the class path SLF4J prints three "No SLF4J providers were found" lines on first use. A library must
 * not choose a binding for its embedder, so when — and only when — no provider is present and the embedder has not
 * configured SLF4J's own reporting, SLF4J's internal reporter is set to report errors only. With a binding present
 * nothing is touched: the embedder's logging sees Drools' messages as usual.
 */
final class QuietLogging {
    static final String VERBOSITY = "slf4j.internal.verbosity";

    private QuietLogging() {
    }

    /** Runs before any Drools class asks SLF4J for a logger (CompiledRules' class initialisation). */
    static void ensure() {
        if (System.getProperty(VERBOSITY) != null || System.getProperty("slf4j.provider") != null) {
            return;
        }
        ClassLoader loader = QuietLogging.class.getClassLoader();
        if (!ServiceLoader.load(SLF4JServiceProvider.class, loader).iterator().hasNext()) {
            System.setProperty(VERBOSITY, "ERROR");
        }
    }
}
