package org.hotline.floor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hotline.shared.CallId;
import org.hotline.customer.DialRule;
import org.hotline.routing.CallbackRequest;
import org.hotline.shared.Skill;

/**
 * Each customer's one open callback request per queue, as the floor knows it: which call holds
 * it, and which calls are claiming it in the store right now (so a press at the same moment
 * joins them rather than opening a second). Confined to the floor's context.
 */
final class CustomerRequests {

    private final Map<String, CallId> holders = new HashMap<>();
    private final Set<CallId> claiming = new HashSet<>();
    private final Supplier<DialRule> rule;

    /** @param rule the dial rule whose E.164 form makes one customer of the ways a number is written (null: as written) */
    CustomerRequests(Supplier<DialRule> rule) {
        this.rule = rule;
    }

    /** The customer as the store keys them: the number in E.164 form when it is a valid one. */
    String customer(String number) {
        DialRule current = rule.get();
        return current == null ? number.strip() : current.customerKey(number);
    }

    /**
     * The call holding the customer's request in {@code queue} when it is still {@code open} (or
     * being claimed); otherwise {@code call} becomes the holder and starts claiming, and is returned.
     */
    CallId holderOrClaim(Skill queue, String number, CallId call, Predicate<CallId> open) {
        String key = key(queue, number);
        CallId holder = holders.get(key);
        if (holder != null && (open.test(holder) || claiming.contains(holder))) {
            return holder;
        }
        holders.put(key, call);
        claiming.add(call);
        return call;
    }

    /** Whether {@code call} is being claimed right now. */
    boolean claiming(CallId call) {
        return claiming.contains(call);
    }

    /** The claim of {@code call} is over (its request is open now, or it joined another). */
    void claimed(CallId call) {
        claiming.remove(call);
    }

    /** {@code call} no longer holds the customer's request (closed, or the store named another holder). */
    void letGo(Skill queue, String number, CallId call) {
        claiming.remove(call);
        holders.remove(key(queue, number), call);
    }

    /** A request back from the store at start-up holds its customer's place (the first kept one, if several). */
    void restored(CallbackRequest request) {
        holders.putIfAbsent(key(request.call().skill(), request.number()), request.id());
    }

    private String key(Skill queue, String number) {
        return queue.name() + "|" + customer(number);
    }
}
