package org.hotline.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords(4);

    @Test
    void aHashIsSaltedBcryptAndMatchesOnlyItsPassword() {
        String hash = passwords.hash("correct horse battery");
        assertThat(hash).startsWith("$2a$04$").isNotEqualTo(passwords.hash("correct horse battery"));
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(passwords.matches(null, hash)).isFalse();
    }

    @Test
    void shortOverlongAndControlCharacterPasswordsAreRefused() {
        assertThat(Passwords.problem("short")).contains("at least 12");
        assertThat(Passwords.problem("长".repeat(25))).contains("72 bytes");
        assertThat(Passwords.problem("twelve chars\u0000ok")).contains("control");
        assertThat(Passwords.problem("a perfectly fine pass")).isNull();
        assertThat(Passwords.problem("十二个汉字的密码也可以用的")).isNull();
    }

    @Test
    void aPasswordBcryptWouldCutIsNeverTakenAsTheShorterOne() {
        String seventyTwo = "x".repeat(72);
        String hash = passwords.hash(seventyTwo);
        assertThat(passwords.matches(seventyTwo + "more", hash)).isFalse();
    }
}
