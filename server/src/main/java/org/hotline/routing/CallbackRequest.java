package org.hotline.routing;

import java.time.Instant;
import java.util.regex.Pattern;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;

/**
 * A caller's request to be called back. It waits in the queue at the place of the call it came
 * from ({@link WaitingCall#callback()}); when its turn comes an agent is reserved first, and
 * only then is the customer dialled.
 *
 * @param call     the place in line (the original call's id, queue and arrival)
 * @param number   the number to dial: digits with an optional leading +, checked here
 * @param language the language the caller was served in
 * @param deadline the time by which the customer should have been called back
 * @param attempts how many times the customer has been dialled so far
 * @param refusal  why the number is not called back (the centre's dial rule: emergency, short code, premium…),
 *                 or null when it may be: a refused request is recorded, never queued nor dialled
 * @param message  the message the caller left when nobody could take the call, or null for a plain request
 */
public record CallbackRequest(WaitingCall call, String number, Language language, Instant requestedAt, Instant deadline,
                              int attempts, String refusal, CallerMessage message) {

    public CallbackRequest(WaitingCall call, String number, Language language, Instant requestedAt, Instant deadline,
                           int attempts, String refusal) {
        this(call, number, language, requestedAt, deadline, attempts, refusal, null);
    }

    public CallbackRequest(WaitingCall call, String number, Language language, Instant requestedAt, Instant deadline,
                           int attempts) {
        this(call, number, language, requestedAt, deadline, attempts, null);
    }

    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9]{3,20}");

    public CallbackRequest {
        if (!call.callback()) {
            throw new IllegalArgumentException("a callback request holds a callback place");
        }
        if (!isDialable(number)) {
            throw new IllegalArgumentException("not a number to call back");
        }
    }

    /** Whether a caller's number can be called back: digits only (no * or #), 3 to 20 of them. */
    public static boolean isDialable(String number) {
        return number != null && DIALABLE.matcher(number).matches();
    }

    public CallId id() {
        return call.id();
    }

    public CallbackRequest attempted() {
        return new CallbackRequest(call, number, language, requestedAt, deadline, attempts + 1, refusal, message);
    }

    /** The same request, refused by the centre's dial rule for {@code why}. */
    public CallbackRequest refused(String why) {
        return new CallbackRequest(call, number, language, requestedAt, deadline, attempts, why, message);
    }

    /** The same request, carrying the message its caller left. */
    public CallbackRequest withMessage(CallerMessage left) {
        return new CallbackRequest(call, number, language, requestedAt, deadline, attempts, refusal, left);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
