package org.optjit.search.cli;

/** A mistake of the user's, reported in one sentence with exit status 2. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
