package org.optjit.train.data;

/**
 * A data set could not be found, read or made: the message names the file and, for
 * malformed files, the byte offset, so that the command line can print it as it is.
 */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
