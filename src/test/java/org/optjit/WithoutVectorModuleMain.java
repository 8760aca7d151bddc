package org.optjit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run by {@link WithoutVectorModuleTest} in a JVM without {@code jdk.incubator.vector}:
 * every example compiles with AUTO and steps; prints what AUTO picked and what VECTOR said.
 */
public final class WithoutVectorModuleMain {

    public static void main(String[] args) throws Exception {
        System.out.println("vectorAvailable=" + Kernel.vectorAvailable());
        int n = 0;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".opt")).sorted().toList()) {
                Rule rule = Rule.load(file);
                if (rule.transform()) {
                    // A transform (it assigns g, not w) runs in front of a rule that assigns w.
                    rule = Rule.chain(rule, Rule.load(file.resolveSibling("sgd.opt")));
                }
                Kernel k = rule.compile(Backend.AUTO);
                Optimizer opt = k.bind(Map.of());
                float[] w = {0.5f, -1f, 2f};
                OptimizerState s = opt.newState(w);
                opt.step(w, new float[] {0.1f, -0.2f, 0f}, s);
                if (k.backend() != Backend.SCALAR) {
                    throw new AssertionError(file + ": AUTO picked " + k.backend());
                }
                n++;
            }
        }
        System.out.println("auto=SCALAR for " + n + " examples");
        try {
            Rule.parse("w -= lr*g").compile(Backend.VECTOR);
            System.out.println("VECTOR compiled without the module");
        } catch (RuleException e) {
            System.out.println("VECTOR refused: " + e.getMessage());
        }
        try {
            // a rule over tensors takes another way to its kernels (it once recursed here until the stack overflowed)
            Rule.parse("gn = norm[all](g); w -= lr*g/(gn + 1e-6)").compile(Backend.VECTOR);
            System.out.println("VECTOR compiled a rule over tensors without the module");
        } catch (RuleException e) {
            System.out.println("VECTOR refused a rule over tensors: " + e.getMessage());
        }
    }
}
