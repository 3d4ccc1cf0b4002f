package io.taolun.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The samples of a benchmark's rounds, side by side, summarised as medians with their ranges: on a shared machine
 * one round decides nothing, and the spread says how much a median can be trusted.
 */
final class BenchRounds {
    /** One timed run of one side in its own JVM: throughput, latency and the child's CPU per operation. */
    record Sample(double perSecond, double p50, double p99, double cpuMicrosPerOp, int ok) {
    }

    private final Map<String, List<Sample>> sides = new LinkedHashMap<>();

    void add(String side, Sample sample) {
        sides.computeIfAbsent(side, s -> new ArrayList<>()).add(sample);
    }

    List<Sample> of(String side) {
        return sides.getOrDefault(side, List.of());
    }

    /** A markdown table: per side, the median and range of throughput, CPU per operation, p50 and p99. */
    String table(String unit) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "| %-34s | %-22s | %-26s | %-8s | %-8s |%n", "side (own JVM)",
                unit + "s/s median [range]", "CPU µs/" + unit + " median [range]", "p50 ms", "p99 ms"));
        t.append("|------------------------------------|------------------------|----------------------------|"
                + "----------|----------|\n");
        sides.forEach((side, samples) -> t.append(String.format(Locale.ROOT,
                "| %-34s | %6.0f [%6.0f–%6.0f] | %6.0f [%6.0f–%6.0f]       | %8.2f | %8.2f |%n", side,
                median(samples, Sample::perSecond), min(samples, Sample::perSecond), max(samples, Sample::perSecond),
                median(samples, Sample::cpuMicrosPerOp), min(samples, Sample::cpuMicrosPerOp),
                max(samples, Sample::cpuMicrosPerOp), median(samples, Sample::p50), median(samples, Sample::p99))));
        return t.toString();
    }

    /**
     * Our side against a baseline: the median of the per-round throughput ratios (each round's two JVMs ran one after
     * the other, so they shared the machine's state most closely) and of the CPU-per-operation ratios, with ranges.
     */
    String ratio(String ours, String baseline) {
        List<Double> speed = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Sample> a = of(ours);
        List<Sample> b = of(baseline);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            speed.add(a.get(i).perSecond() / b.get(i).perSecond());
            cpu.add(a.get(i).cpuMicrosPerOp() / b.get(i).cpuMicrosPerOp());
        }
        return String.format(Locale.ROOT,
                "%s vs %s: throughput ratio median %.2f [%.2f–%.2f]; CPU per operation ratio median %.2f [%.2f–%.2f]"
                        + " (%d rounds)%n", ours, baseline, median(speed, d -> d), min(speed, d -> d),
                max(speed, d -> d), median(cpu, d -> d), min(cpu, d -> d), max(cpu, d -> d), speed.size());
    }

    static <T> double median(List<T> xs, ToDoubleFunction<T> f) {
        double[] v = xs.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static <T> double min(List<T> xs, ToDoubleFunction<T> f) {
        return xs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static <T> double max(List<T> xs, ToDoubleFunction<T> f) {
        return xs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
