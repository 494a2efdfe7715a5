package org.hotline.call;

/** The caller hung up while the flow was talking to them: not an error, a normal end of a call. */
public final class CallerHungUp extends RuntimeException {

    public CallerHungUp(Throwable cause) {
        super("caller hung up", cause, false, false);
    }
}
