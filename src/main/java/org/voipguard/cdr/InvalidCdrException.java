package org.voipguard.cdr;

/** A CDR line that cannot be imported, naming the field at fault. */
public class InvalidCdrException extends Exception {

    private final String field;

    public InvalidCdrException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
