package org.hotline.http;

import java.util.function.BooleanSupplier;

/**
 * A health check for a part the hotline runs without, worse (the store: calls are answered and
 * their records spooled). When it is down, health says {@code degraded} (200, the hotline still
 * takes calls) and names the problem, rather than {@code down}.
 */
public interface DegradedPart extends BooleanSupplier {

    /** Why the part is down, in words for the operator. */
    String problem();

    /** What else health says of the part, up or down (e.g. which server holds the lease); none by default. */
    default java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }

    /** As {@link #of(BooleanSupplier, java.util.function.Supplier)}, with {@code details} said up or down. */
    static DegradedPart of(BooleanSupplier up, java.util.function.Supplier<String> problem,
                           java.util.function.Supplier<java.util.Map<String, Object>> details) {
        return new DegradedPart() {
            @Override
            public boolean getAsBoolean() {
                return up.getAsBoolean();
            }

            @Override
            public String problem() {
                return problem.get();
            }

            @Override
            public java.util.Map<String, Object> details() {
                return details.get();
            }
        };
    }

    static DegradedPart of(BooleanSupplier up, java.util.function.Supplier<String> problem) {
        return of(up, problem, java.util.Map::of);
    }
}
