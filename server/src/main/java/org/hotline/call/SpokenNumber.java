package org.hotline.call;

/**
 * A small count said to a caller (queue position, minutes to wait). Only 1 to {@value #MAX}
 * are recorded; larger counts are said in words ("more than twenty") by their own prompts.
 */
public record SpokenNumber(int value) implements Speech {

    public static final int MIN = 1;
    public static final int MAX = 20;

    public SpokenNumber {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("only " + MIN + " to " + MAX + " are recorded, not " + value);
        }
    }

    @Override
    public String fileName() {
        return "number-" + value;
    }
}
