package org.hotline.shared;

import java.util.Locale;

/** The languages the hotline's prompts are recorded in. */
public enum Language {
    ZH, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language " + Printable.of(code) + " (zh or en)");
    }
}
