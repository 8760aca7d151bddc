package org.optjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A pass's branch variants: chosen by the truth values in the uniforms, each compiled once, on first use. */
class VariantKernelTest {

    private static LoopKernel kernel() {
        return (ElementWiseKernel) (w, g, state, uniforms, from, to) -> {
        };
    }

    @Test
    void theUniformsPickTheVariantAndEachIsCompiledOnceWhenFirstNeeded() {
        AtomicInteger compiles = new AtomicInteger();
        LoopKernel[] made = new LoopKernel[4];
        LoopKernel first = kernel();
        VariantKernel k = new VariantKernel(new int[] {2, 0}, first, v -> {
            compiles.incrementAndGet();
            return made[v] = kernel();
        });
        assertEquals(4, k.count());
        float[] u = {0f, 5f, 0f};
        assertSame(first, k.choose(u));                  // slot 2 false, slot 0 false
        assertEquals(0, compiles.get());
        u[2] = 1f;                                        // bit 0: slot 2
        LoopKernel one = k.choose(u);
        assertSame(made[1], one);
        assertSame(one, k.choose(u));
        u[0] = -3f;                                       // bit 1: slot 0, any non-zero is true
        LoopKernel three = k.choose(u);
        assertSame(made[3], three);
        assertEquals(2, compiles.get());
    }

    @Test
    void workersThatNeedAVariantAtOnceCompileItOnce() throws InterruptedException {
        AtomicInteger compiles = new AtomicInteger();
        VariantKernel k = new VariantKernel(new int[] {0}, kernel(), v -> {
            compiles.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return kernel();
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        LoopKernel[] seen = new LoopKernel[6];
        for (int t = 0; t < seen.length; t++) {
            int me = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen[me] = k.choose(new float[] {1f});
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(1, compiles.get());
        for (LoopKernel s : seen) {
            assertSame(seen[0], s);
        }
    }
}
