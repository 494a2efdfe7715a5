package org.hotline.cases;

/** An agent asked to work on a case that is neither theirs nor theirs to lead. */
public final class NotYourCase extends RuntimeException {

    public NotYourCase(Case refused) {
        super("case " + refused.id() + " is agent " + refused.owner()
                + "'s: only its owner, their team lead or a supervisor may work on it", null, false, false);
    }
}
