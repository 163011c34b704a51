package org.steward.system;

/** The request clashes with what is stored (a duplicate): 409 with problem details. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
