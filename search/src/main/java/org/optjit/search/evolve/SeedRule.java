package org.optjit.search.evolve;

/** A starting rule: its name (the file's) and its text in search form. */
public record SeedRule(String name, String source) {
}
