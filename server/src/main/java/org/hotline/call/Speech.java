package org.hotline.call;

/** Something the hotline can say on a line: a recorded prompt, or a number. */
public sealed interface Speech permits Prompt, SpokenNumber, Notice {

    /** The recording's file name, without language directory or extension. */
    String fileName();
}
