package dev.plancheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plancheck.PlanChecker;
import dev.plancheck.report.Report;
import dev.plancheck.input.Submission;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: warm latency of one subdistrict's ledger (the 169-record compliant sample), read and check, and check alone;
 * and the check of the same ledger without its organisers (13 duties unmet, 40 records that lack only their
 * organiser), which also runs the rules on copies of those records to name them; and the validating read alone beside
 * Jackson's {@code readTree} of the same bytes. Run with
 * {@code benchmarks/run jmh WarmCheckBenchmark}.
 *
 * <p>Each benchmark warms up for 20 s in its own JVM, as long as the suite's warm section: with 6 s (3 × 2 s) on two
 * busy cores the JIT had not finished compiling Drools' and our code, and a read + check measured 13 ms at the median
 * where 20 s of warm-up brought the same fork to 2 ms (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class WarmCheckBenchmark {
    private PlanChecker checker;
    private byte[] ledger;
    private Submission submission;
    private Submission withoutOrganisers;

    @Setup
    public void setUp() throws Exception {
        checker = PlanChecker.create();
        try (InputStream in = WarmCheckBenchmark.class.getResourceAsStream("compliant.json")) {
            ledger = in.readAllBytes();
        }
        submission = checker.read("compliant.json", ledger);
        try (InputStream in = WarmCheckBenchmark.class.getResourceAsStream("gaps-no-organiser.json")) {
            withoutOrganisers = checker.read("gaps-no-organiser.json", in.readAllBytes());
        }
    }

    @Benchmark
    public Report check() throws Exception {
        return checker.check(submission);
    }

    @Benchmark
    public Report checkWithUnmetDutiesAndMissingOrganisers() throws Exception {
        return checker.check(withoutOrganisers);
    }

    @Benchmark
    public Report readAndCheck() throws Exception {
        return checker.check(checker.read("compliant.json", ledger));
    }

    /** The validating read alone (issue 24: within 3× of {@link #jacksonReadTree}). */
    @Benchmark
    public Submission read() throws Exception {
        return checker.read("compliant.json", ledger);
    }

    /** The yardstick of the read: Jackson's tree of the same bytes, nothing validated. */
    @Benchmark
    public JsonNode jacksonReadTree() throws Exception {
        return Workloads.MAPPER.readTree(ledger);
    }
}
