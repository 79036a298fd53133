package dev.plancheck.testkit;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.scenario.InvalidScenarioException;
import dev.plancheck.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a folder of scenario files as JUnit 5 dynamic tests, in one line: a container per file, a test per case,
 * named as the case is named. A failed case fails with every mismatch; a file that cannot be run fails with every
 * problem, located.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return ScenarioTests.in(Path.of("src/test/scenarios"), RulePack.load(Path.of("pack/pack.json")));
 * }
 * }</pre>
 */
public final class ScenarioTests {
    private ScenarioTests() {
    }

    /** The scenario files under {@code folder} (recursively, in name order), run against a pack. */
    public static Stream<DynamicNode> in(Path folder, RulePack pack) {
        return in(folder, PlanChecker.create(pack));
    }

    /** The scenario files under {@code folder}, run against a checker (share one to compile the rules once). */
    public static Stream<DynamicNode> in(Path folder, PlanChecker checker) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("无法列出场景文件夹 " + folder, e);
        }
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(folder.toString(), () -> {
                throw Failures.fail("场景文件夹 " + folder + " 中没有 .json 场景文件");
            }));
        }
        ScenarioRunner runner = new ScenarioRunner(checker);
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            String name = folder.relativize(file).toString();
            List<CaseOutcome> outcomes;
            try {
                outcomes = runner.run(file);
            } catch (InvalidScenarioException e) {
                nodes.add(DynamicTest.dynamicTest(name, file.toUri(), () -> {
                    throw Failures.fail("场景文件无法运行：\n" + e.getMessage());
                }));
                continue;
            } catch (IOException e) {
                nodes.add(DynamicTest.dynamicTest(name, file.toUri(), () -> {
                    throw Failures.fail("无法读取场景文件 " + file + "：" + e.getMessage());
                }));
                continue;
            }
            List<DynamicTest> cases = outcomes.stream().map(o -> DynamicTest.dynamicTest(o.name(), file.toUri(), () -> {
                if (!o.passed()) {
                    throw Failures.fail(o.rule() + " " + o.name() + "（" + o.file() + ":" + o.line() + "）未通过：\n"
                            + String.join("\n", o.mismatches()));
                }
            })).toList();
            nodes.add(DynamicContainer.dynamicContainer(name, file.toUri(), cases.stream()));
        }
        return nodes.stream();
    }
}
