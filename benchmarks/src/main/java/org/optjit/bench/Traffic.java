package org.optjit.bench;

import java.util.List;
import org.optjit.baseline.Baselines;
import org.optjit.ir.Program;

/**
 * Prints the memory traffic per weight of example rules as the compiler counts it, one
 * line each: {@code rule<TAB>bytes read<TAB>bytes written}. {@code report.py} divides
 * these by the measured times to get effective bandwidth.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.optjit.bench.Traffic [rule...]</pre>
 * Without arguments: every rule that has a hand-written baseline.
 */
public final class Traffic {

    private Traffic() {
    }

    public static void main(String[] args) {
        List<String> rules = args.length > 0 ? List.of(args) : Baselines.rules();
        for (String rule : rules) {
            Program p = ExampleRules.rule(rule).program();
            System.out.println(rule + "\t" + p.bytesReadPerWeight() + "\t" + p.bytesWrittenPerWeight());
        }
    }
}
