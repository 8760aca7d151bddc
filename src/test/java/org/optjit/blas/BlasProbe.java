package org.optjit.blas;

/** Run in a child JVM by {@link BlasFallbackTest}: prints the chosen BLAS or the error. */
public final class BlasProbe {

    private BlasProbe() {
    }

    public static void main(String[] args) {
        try {
            Blas b = BlasLibrary.select(BlasChoice.valueOf(args[0]));
            float[] c = new float[1];
            b.sgemm("N", "N", 1, 1, 1, 1f, new float[] {3f}, 0, 1, new float[] {4f}, 0, 1, 0f, c, 0, 1);
            System.out.println((b.isNative() ? "native" : "java") + " " + c[0] + " " + BlasLibrary.describe());
        } catch (IllegalStateException e) {
            System.out.println("refused " + e.getMessage());
        }
    }
}
