package org.optjit.train.model;

/**
 * How {@link Network#initialize} draws the starting weights; biases always start at 0.
 *
 * <ul>
 *   <li>{@code FAN_IN}: every weight drawn from N(0, 1/fan-in): small random weights break
 *       the symmetry between units, and scaling by 1/sqrt(fan-in) keeps a unit with many
 *       inputs from starting saturated (lecture 6b).</li>
 *   <li>{@code SPARSE}: each unit gets {@link #SPARSE_CONNECTIONS} incoming weights drawn
 *       from N(0, 1) on randomly chosen inputs (all inputs when the fan-in is smaller), the
 *       others 0 (Martens 2010, used by Sutskever et al. 2013): units start different from
 *       each other without the weights having to be tiny.</li>
 * </ul>
 */
public enum Initialization {
    FAN_IN, SPARSE;

    /** Non-zero incoming weights per unit in sparse initialisation. */
    public static final int SPARSE_CONNECTIONS = 15;
}
