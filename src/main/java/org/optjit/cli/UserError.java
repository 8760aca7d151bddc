package org.optjit.cli;

/**
 * A problem with what the user gave us (a file, an option, a value): printed as its
 * message alone, with exit status 2. Never shown with a stack trace.
 */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
