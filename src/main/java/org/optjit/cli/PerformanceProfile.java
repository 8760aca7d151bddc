package org.optjit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Performance profiles (Dolan and Moré 2002, as AlgoPerf scores training speed): for rule r
 * and workload w, {@code ratio = time_r,w / min over rules of time_.,w} (infinite when r did
 * not reach w's target); the profile of r at factor {@code tau} is the fraction of workloads
 * with {@code ratio <= tau}.
 */
final class PerformanceProfile {

    private PerformanceProfile() {
    }

    /** Each rule's ratios over the workloads (in the results' workload order). */
    static Map<String, double[]> ratios(List<SuiteResult> results, List<String> workloads, List<String> rules) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String r : rules) {
            out.put(r, new double[workloads.size()]);
        }
        for (int w = 0; w < workloads.size(); w++) {
            String name = workloads.get(w);
            double best = results.stream().filter(x -> x.workload().equals(name)).mapToDouble(SuiteResult::secondsToTarget)
                    .min().orElse(Double.POSITIVE_INFINITY);
            for (SuiteResult x : results) {
                if (x.workload().equals(name)) {
                    out.get(x.rule())[w] = x.secondsToTarget() / best;
                }
            }
        }
        return out;
    }

    /** The fraction of {@code ratios} at most {@code tau} (a NaN ratio, when no rule reached a target, never is). */
    static double at(double[] ratios, double tau) {
        int n = 0;
        for (double r : ratios) {
            if (r <= tau) {
                n++;
            }
        }
        return ratios.length == 0 ? 0 : (double) n / ratios.length;
    }
}
