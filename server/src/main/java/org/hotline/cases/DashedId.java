package org.hotline.cases;

import java.util.Locale;
import java.util.Optional;

/** A constant known outside (API, store) by its lower-case name with dashes: {@code SOLUTION_READY} is {@code solution-ready}. */
interface DashedId {

    String name();

    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends DashedId> Optional<E> find(E[] values, String id) {
        for (E value : values) {
            if (value.id().equals(id)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
