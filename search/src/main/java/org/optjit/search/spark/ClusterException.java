package org.optjit.search.spark;

/**
 * Spark cannot run the search where it was told to: the master URL is not one Spark knows,
 * the master gave up (unreachable, or it stopped the application), or the executors cannot be
 * sent the search's classes. The command line says it in a sentence, without a stack trace.
 */
public final class ClusterException extends RuntimeException {

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
