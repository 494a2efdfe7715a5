package org.hotline.campaign;

import java.util.Objects;
import java.util.Optional;
import org.hotline.customer.DialRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The numbers a campaign must not dial: the do-not-call list, and every number the centre's dial
 * rule refuses (emergency, short code, premium…), checked at each dial like the list. A refused
 * contact is settled as not to be called, never dialled, and the rule's reason is logged.
 */
public final class NotToDial implements DoNotCall {

    private static final Logger LOG = LoggerFactory.getLogger(NotToDial.class);

    private final DoNotCall list;
    private final DialRule rule;

    public NotToDial(DoNotCall list, DialRule rule) {
        this.list = Objects.requireNonNull(list);
        this.rule = Objects.requireNonNull(rule);
    }

    @Override
    public boolean contains(String e164) {
        Optional<DialRule.Refusal> refusal = rule.check(e164);
        if (refusal.isPresent()) {
            LOG.warn("campaign contact not dialled: the centre's dial rule refuses the number ({})", refusal.get().id());
            return true;
        }
        return list.contains(e164);
    }
}
