package dev.plancheck.engine;

import dev.plancheck.pack.ResourceDir;
import dev.plancheck.pack.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The executable model that {@code kie-maven-plugin} generates from the bundled DRL at build time: one Java class per
 * DRL package, listed in {@link #MODEL_LIST}. Loading it skips parsing and compiling DRL (about a second at start-up).
 * Only bundled rule sets have one; a rule set on disk is always compiled from its DRL.
 */
final class PrebuiltModel {
    /** Written by kie-maven-plugin: the model version, then one model class name per line. */
    static final String MODEL_LIST = "META-INF/kie/dev.plancheck/plancheck-rules/drools-model";

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    private PrebuiltModel() {
    }

    /**
     * The rule base of a bundled rule set from its generated model, or {@code null} when there is none (a rule set on
     * disk, a build without the model), when the rule set's DRL text is not the bundled text, or when the model does
     * not hold exactly the rules of that DRL (a stale model): then the caller compiles the DRL.
     */
    static KieBase kieBase(RuleSet ruleSet) {
        if (!(ruleSet.dir() instanceof ResourceDir.Classpath dir)) {
            return null;
        }
        // The model was generated from the DRL files on the class path: a rule set whose text differs (a rule author's
        // or a test's edited copy under the bundled folder's name) must be compiled from its own text.
        try {
            for (var drl : ruleSet.drl().entrySet()) {
                byte[] bundled = dir.read(drl.getKey());
                if (bundled == null || !new String(bundled, StandardCharsets.UTF_8).equals(drl.getValue())) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        String modelClass = modelClass(dir.path().replace('/', '.'));
        if (modelClass == null) {
            return null;
        }
        KieBase kieBase;
        try {
            Model model = (Model) Class.forName(modelClass, true, PrebuiltModel.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
            // With a configuration of its own: KieBaseBuilder's default asks KieServices, which only the DRL compiler
            // (drools-compiler) provides, and the runtime runs prebuilt models without it.
            kieBase = KieBaseBuilder.createKieBaseFromModel(model, RuleBaseFactory.newKnowledgeBaseConfiguration());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
        Set<String> inModel = new HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                inModel.add(rule.getName());
            }
        }
        Set<String> inDrl = new HashSet<>();
        for (String text : ruleSet.drl().values()) {
            Matcher m = RULE.matcher(text);
            while (m.find()) {
                inDrl.add(m.group(1));
            }
        }
        return inModel.equals(inDrl) ? kieBase : null;
    }

    private static String modelClass(String drlPackage) {
        try (InputStream in = PrebuiltModel.class.getClassLoader().getResourceAsStream(MODEL_LIST)) {
            if (in == null) {
                return null;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.startsWith(drlPackage + ".") && name.indexOf('.', drlPackage.length() + 1) < 0) {
                    return name;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
