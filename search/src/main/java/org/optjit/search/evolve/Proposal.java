package org.optjit.search.evolve;

import java.util.List;

/** A checked child, waiting for evaluation. */
public record Proposal(String source, String origin, List<Integer> parents) {
}
