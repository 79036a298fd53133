package dev.plancheck.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.plancheck.PlanChecker;
import dev.plancheck.RulePack;
import dev.plancheck.scenario.CaseOutcome;
import dev.plancheck.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The second plan's pack (sample-data/qingsong-2023, loaded from disk) proves its four rules with its own scenarios. */
class SecondPlanScenariosTest {
    static final Path DIR = Path.of("..", "sample-data", "qingsong-2023");

    private static PlanChecker checker() {
        return PlanChecker.create(RulePack.load(DIR.resolve("pack")));
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_of_the_second_plan_passes() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(DIR.resolve("pack").resolve("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(4, files.size(), "one scenario file per rule");
        List<DynamicTest> tests = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(checker());
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                for (CaseOutcome o : runner.run(file)) {
                    if (!o.passed()) {
                        fail(o.name() + "：" + String.join("\n", o.mismatches()));
                    }
                }
            }));
        }
        return tests.stream();
    }
}
