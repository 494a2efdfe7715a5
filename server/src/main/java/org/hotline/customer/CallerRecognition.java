package org.hotline.customer;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is calling, as far as the hotline can tell from the number: the customer file's entry
 * (VIP, dedicated advisor) and whether the call is long-distance. A customer file that cannot be
 * read makes the caller unknown, never a failed call.
 */
public final class CallerRecognition {

    private static final Logger LOG = LoggerFactory.getLogger(CallerRecognition.class);

    private final PhoneNumbers numbers;
    private final CustomerFile customers;
    private final LongDistanceRule longDistance;

    public CallerRecognition(PhoneNumbers numbers, CustomerFile customers, LongDistanceRule longDistance) {
        this.numbers = numbers;
        this.customers = customers;
        this.longDistance = longDistance;
    }

    /** Nobody is recognised: no customer file, nobody long-distance. */
    public static CallerRecognition none() {
        return new CallerRecognition(new PhoneNumbers("CN"), e164 -> Optional.empty(), LongDistanceRule.nobody());
    }

    /** @param presentedNumber the caller's number as the network presented it (already checked to be digits), or null */
    public KnownCaller recognise(String presentedNumber) {
        Optional<String> e164 = presentedNumber == null ? Optional.empty() : numbers.e164(presentedNumber);
        if (e164.isEmpty()) {
            return KnownCaller.UNKNOWN;
        }
        Optional<Customer> customer;
        try {
            customer = customers.find(e164.get());
        } catch (RuntimeException e) {
            LOG.warn("customer file unavailable, caller treated as unknown: {}", e.getMessage());
            customer = Optional.empty();
        }
        return new KnownCaller(e164.get(), customer.orElse(null), longDistance.appliesTo(e164.get()));
    }
}
