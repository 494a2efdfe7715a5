package org.hotline.campaign;

/** The one question a dialer asks just before each call: is this number on the do-not-call list? */
@FunctionalInterface
public interface DoNotCall {

    /** @param e164 a number in E.164 form; anything else is not on the list */
    boolean contains(String e164);
}
