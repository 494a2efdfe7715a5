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

    static DegradedPart of(BooleanSupplier up, java.util.function.Supplier<String> problem) {
        return new DegradedPart() {
            @Override
            public boolean getAsBoolean() {
                return up.getAsBoolean();
            }

            @Override
            public String problem() {
                return problem.get();
            }
        };
    }
}
