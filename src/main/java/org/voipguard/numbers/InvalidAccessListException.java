package org.voipguard.numbers;

/** An IP access list item that is not a valid address or CIDR block. */
public class InvalidAccessListException extends Exception {

    private final String item;

    public InvalidAccessListException(String item, String reason) {
        super("\"" + item + "\": " + reason);
        this.item = item;
    }

    public String item() {
        return item;
    }
}
