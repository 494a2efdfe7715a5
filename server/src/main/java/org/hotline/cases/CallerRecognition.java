package org.hotline.cases;

import org.hotline.customer.PhoneNumbers;
import org.hotline.customer.LongDistanceRule;
import org.hotline.customer.CustomerFile;
import org.hotline.customer.Customer;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is calling, as far as the hotline can tell from the number: the customer file's entry
 * (VIP, dedicated advisor), whether the call is long-distance, and their cases that are not closed.
 * A customer or case file that cannot be read makes the caller unknown, never a failed call.
 */
public final class CallerRecognition {

    private static final Logger LOG = LoggerFactory.getLogger(CallerRecognition.class);

    private final PhoneNumbers numbers;
    private final CustomerFile customers;
    private final LongDistanceRule longDistance;
    private final OpenCases cases;

    public CallerRecognition(PhoneNumbers numbers, CustomerFile customers, LongDistanceRule longDistance) {
        this(numbers, customers, longDistance, OpenCases.none());
    }

    public CallerRecognition(PhoneNumbers numbers, CustomerFile customers, LongDistanceRule longDistance, OpenCases cases) {
        this.numbers = numbers;
        this.customers = customers;
        this.longDistance = longDistance;
        this.cases = cases;
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
        List<Case> open;
        try {
            open = cases.of(e164.get());
        } catch (RuntimeException e) {
            LOG.warn("case file unavailable, caller's cases not looked up: {}", e.getMessage());
            open = List.of();
        }
        return new KnownCaller(e164.get(), customer.orElse(null), longDistance.appliesTo(e164.get()), open);
    }
}
