package org.hotline.call;

import org.hotline.shared.Printable;
import java.util.regex.Pattern;

/**
 * A recorded notification a campaign plays (e.g. a defect notice), {@code notice-<name>} in the
 * prompt library; recorded per language like every prompt.
 */
public record Notice(String name) implements Speech {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Notice {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a message name: " + Printable.of(name) + " (lower-case letters, digits, dashes)");
        }
    }

    @Override
    public String fileName() {
        return "notice-" + name;
    }
}
