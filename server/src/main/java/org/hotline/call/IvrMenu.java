package org.hotline.call;

import org.hotline.shared.Printable;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The keypad menu after the greeting: which key means which choice, how long to wait for a key,
 * and how many times to ask before closing politely.
 *
 * @param options  key ('0'-'9', '*', '#') to choice name (lower-case words and dashes, e.g. "after-sales")
 * @param timeout  how long to wait for a key after the menu prompt ends
 * @param attempts how many times the menu is offered
 */
public record IvrMenu(Map<Character, String> options, Duration timeout, int attempts) {

    private static final Pattern CHOICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final String KEYS = "0123456789*#";

    public IvrMenu {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("the menu needs at least one option");
        }
        for (Map.Entry<Character, String> option : options.entrySet()) {
            if (KEYS.indexOf(option.getKey()) < 0) {
                throw new IllegalArgumentException("menu key " + Printable.of(String.valueOf(option.getKey()))
                        + " is not a keypad key (0-9, *, #)");
            }
            if (option.getValue() == null || !CHOICE_NAME.matcher(option.getValue()).matches()) {
                throw new IllegalArgumentException("menu choice for key " + option.getKey() + " must be a lower-case word, got "
                        + Printable.of(option.getValue()));
            }
        }
        options = Map.copyOf(new TreeMap<>(options));
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("menu timeout must be between 1 ms and 60 s");
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("menu attempts must be between 1 and 10");
        }
    }

    /** The handbook-style default: 1 orders, 2 after-sales, 3 complaints, 0 an agent. */
    public static IvrMenu standard() {
        return new IvrMenu(Map.of('1', "orders", '2', "after-sales", '3', "complaints", '0', "agent"),
                Duration.ofSeconds(5), 3);
    }

    /** Whether {@code choice} is one of the menu's choices. */
    public boolean offers(String choice) {
        return options.containsValue(choice);
    }

    public Optional<String> choiceFor(char key) {
        return Optional.ofNullable(options.get(key));
    }

    /** The keys that interrupt the menu prompt: every keypad key, so a wrong one can be answered at once. */
    public String interruptKeys() {
        return KEYS;
    }
}
