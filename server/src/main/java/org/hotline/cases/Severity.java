package org.hotline.cases;

import java.util.Optional;

/** How serious the customer's matter is; decides when the team lead hears of it (see {@link EscalationRule}). */
public enum Severity implements DashedId {
    LOW, NORMAL, HIGH, URGENT;

    public static Optional<Severity> byId(String id) {
        return DashedId.find(values(), id);
    }
}
