package org.hotline.routing.roster;

/** An agent as asked is not valid: {@code field} says where, the message what is wrong. */
public final class BadAgent extends RuntimeException {

    private final String field;

    public BadAgent(String field, String problem) {
        super(problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
