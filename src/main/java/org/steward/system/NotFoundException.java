package org.steward.system;

/** Something asked for by id does not exist: 404 with problem details. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
