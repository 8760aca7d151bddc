package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.Layout;

/** {@code --layout}: the three forms, their order and offsets, and a message naming the wrong term. */
class LayoutSpecTest {

    @Test
    void matricesVectorsAndRepeatedMatricesInOrder() {
        Layout layout = LayoutSpec.parse("--layout", "2x3x5, 7 ,4X6");
        List<Layout.Tensor> t = layout.tensors();
        assertEquals(4, t.size());
        assertEquals(List.of("t0", "t1", "t2", "t3"), t.stream().map(Layout.Tensor::name).toList());
        assertEquals(List.of(0, 15, 30, 37), t.stream().map(Layout.Tensor::offset).toList());
        assertEquals(3, t.get(1).rows());
        assertEquals(5, t.get(1).cols());
        assertEquals(2, t.get(1).ndim());
        assertTrue(t.get(2).vector());
        assertEquals(7, t.get(2).size());
        assertEquals(1, t.get(2).ndim());
        assertEquals(4, t.get(3).rows());
        assertEquals(6, t.get(3).cols());
        assertEquals(61, layout.size());
        assertEquals("4 tensors (3 matrices, 1 vector)", LayoutSpec.describe(layout));
    }

    @Test
    void theBenchmarksLayout() {
        Layout layout = LayoutSpec.parse("--layout", "64x512x512");
        assertEquals(64, layout.tensors().size());
        assertEquals(16_777_216, layout.size());
        assertEquals("64 tensors (64 matrices)", LayoutSpec.describe(layout));
        assertEquals("1 tensor (1 vector)", LayoutSpec.describe(LayoutSpec.parse("--layout", "10")));
    }

    @Test
    void aWrongTermIsNamedWithWhatIsWrong() {
        assertMessage("64x512x512,64x", "term 2 '64x'", "'' is not a whole number");
        assertMessage("1x2x3x4", "term 1 '1x2x3x4' has 4 numbers");
        assertMessage("3,0x5", "term 2 '0x5'", "at least 1, got 0");
        assertMessage("axb", "term 1 'axb'", "'a' is not a whole number");
        assertMessage("-4", "'-4' is not a whole number");
        assertMessage("99999999999", "99999999999 is too large");
        assertMessage("70000x70000", "more weights than one Java array holds");
        assertMessage("2,300000x100x100", "term 2", "more weights");
        assertMessage(" ", "--layout is empty");
        assertMessage("5,,6", "term 2 ''");
    }

    private static void assertMessage(String spec, String... parts) {
        UserError e = assertThrows(UserError.class, () -> LayoutSpec.parse("--layout", spec));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), spec + ": " + e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("--layout"), e.getMessage());
    }
}
