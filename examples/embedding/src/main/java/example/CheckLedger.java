package example;

import dev.plancheck.CheckOptions;
import dev.plancheck.PlanChecker;
import dev.plancheck.input.Submission;
import dev.plancheck.report.Gap;
import dev.plancheck.report.Report;
import java.nio.file.Path;
import java.time.LocalDate;

public class CheckLedger {
    public static void main(String[] args) throws Exception {
        PlanChecker checker = PlanChecker.create();             // compiles the bundled 2023 rules, once
        Submission ledger = checker.read(Path.of(args[0]));     // throws InvalidSubmissionException, every problem located

        Report yearEnd = checker.check(ledger);                 // as of 2023-12-31
        for (Gap gap : yearEnd.gaps()) {
            System.out.println(gap.ruleId() + " " + gap.unit().getName() + " " + gap.clause() + "：" + gap.expected());
            System.out.println("    实有：" + gap.found());
        }

        Report june = checker.check(ledger, CheckOptions.asOf(LocalDate.of(2023, 6, 15)));
        System.out.println("6 月 15 日：" + june.summary() + "，即将到期 " + june.comingDue().size() + " 项");
    }
}
