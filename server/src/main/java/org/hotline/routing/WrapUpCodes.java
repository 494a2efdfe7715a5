package org.hotline.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashMap;
import org.hotline.shared.Skill;

/** Each queue's list of wrap-up codes, in the order the pages show them; a queue without a list has none. */
public record WrapUpCodes(Map<Skill, List<WrapUpCode>> byQueue) {

    public static final WrapUpCodes NONE = new WrapUpCodes(Map.of());

    public WrapUpCodes {
        byQueue.forEach((queue, codes) -> {
            Set<String> ids = new HashSet<>();
            for (WrapUpCode code : codes) {
                if (!ids.add(code.id())) {
                    throw new IllegalArgumentException(queue + ": wrap-up code " + code.id() + " is listed twice");
                }
            }
        });
        Map<Skill, List<WrapUpCode>> copy = new HashMap<>();
        byQueue.forEach((queue, codes) -> copy.put(queue, List.copyOf(codes)));
        byQueue = Map.copyOf(copy);
    }

    public List<WrapUpCode> of(Skill queue) {
        return byQueue.getOrDefault(queue, List.of());
    }

    public Optional<WrapUpCode> find(Skill queue, String id) {
        return of(queue).stream().filter(code -> code.id().equals(id)).findFirst();
    }
}
