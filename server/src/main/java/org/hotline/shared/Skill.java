package org.hotline.shared;

import java.util.regex.Pattern;

/** What a call needs and an agent can do; each queue serves one skill (e.g. "after-sales"). */
public record Skill(String name) implements Comparable<Skill> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public Skill {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a skill name: " + Printable.of(name) + " (lower-case words and dashes)");
        }
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public int compareTo(Skill other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
