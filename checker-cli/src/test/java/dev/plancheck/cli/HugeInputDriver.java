package dev.plancheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Runs several command lines one after the other in one JVM (the child of {@link HugeInputTest}, started with a
 * small heap) and prints, for each, one line: its name, exit code, milliseconds, the peak heap it used (the sum of
 * the heap pools' peaks since the run began: an upper bound) and its output, Base64. Each case is a line of the file
 * given as the only argument: name, then the arguments, tab-separated.
 */
public final class HugeInputDriver {
    private HugeInputDriver() {
    }

    public static void main(String[] args) throws IOException {
        List<String> cases = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Main.run(new String[] {"check", "--help"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (String line : cases) {
            String[] f = line.split("\t");
            String[] command = java.util.Arrays.copyOfRange(f, 1, f.length);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code = Main.run(command, new PrintWriter(out), new PrintWriter(err));
            long ms = (System.nanoTime() - start) / 1_000_000;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
            String output = out + "\u0000" + err;
            System.out.println(f[0] + "\t" + code + "\t" + ms + "\t" + peak + "\t" + output.length() + "\t"
                    + Base64.getEncoder().encodeToString((output.length() > 20_000 ? output.substring(0, 20_000) : output)
                    .getBytes(StandardCharsets.UTF_8)));
            System.out.flush();
        }
    }
}
