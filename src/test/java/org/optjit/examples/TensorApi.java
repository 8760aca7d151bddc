package org.optjit.examples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.optjit.Rule;

/**
 * {@code Rule.chain} (issue 8's composition), looked up at run time so that the tests of the
 * transforms compile before main has it. Once it exists, callers can use it directly and this
 * class can go.
 */
final class TensorApi {

    private static final MethodHandle CHAIN = findChain();

    private TensorApi() {
    }

    private static MethodHandle findChain() {
        try {
            return MethodHandles.publicLookup().findStatic(Rule.class, "chain",
                    MethodType.methodType(Rule.class, Rule[].class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Whether {@code Rule.chain(Rule...)} exists. */
    static boolean hasChain() {
        return CHAIN != null;
    }

    static Rule chain(Rule... rules) {
        try {
            return (Rule) CHAIN.invokeWithArguments((Object) rules);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
