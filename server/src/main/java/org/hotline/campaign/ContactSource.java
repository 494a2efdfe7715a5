package org.hotline.campaign;

import java.time.Instant;
import java.util.List;

/** Where a campaign's contacts come from. */
public sealed interface ContactSource {

    /** Given one by one (the API's list, or an uploaded file's rows). */
    record Listed(List<NewContact> contacts) implements ContactSource {
    }

    /** Callers who hung up waiting in {@code [from, to)} and have not called again since. */
    record Abandoned(Instant from, Instant to) implements ContactSource {
    }

    /** Customers whose case has a solution ready: to be told it, by the case owner. */
    record CasesSolutionReady() implements ContactSource {
    }

    /** Customers in the customer file (for a survey), or only the VIPs. */
    record Customers(boolean vipOnly) implements ContactSource {
    }
}
