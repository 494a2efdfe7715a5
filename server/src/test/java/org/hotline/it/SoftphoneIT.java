package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A test's phones end with it, and never outlive the JVM driving them (no Asterisk needed: nobody is called). */
class SoftphoneIT {

    private static final Duration A_MOMENT = Duration.ofSeconds(3);

    @Test
    void aPhoneLeftOpenByItsTestEndsWithIt() throws Exception {
        PhonesEndWithTheirTest phones = new PhonesEndWithTheirTest();
        Softphone forTheClass = phone("for-the-class");
        phones.beforeEach(null);
        Softphone forTheTest = phone("for-the-test");

        phones.afterEach(null); // the test forgot to close it

        assertThat(forTheTest.awaitEnd(A_MOMENT)).as("the test's phone has ended").isTrue();
        assertThat(forTheClass.running()).as("the class's phone lives on to the class's end").isTrue();
        phones.afterAll(null);
        assertThat(forTheClass.awaitEnd(A_MOMENT)).as("the class's phone has ended with the class").isTrue();
    }

    @Test
    void aPhoneWhoseJvmIsGoneEndsAtOnceInsteadOfSpinning() throws Exception {
        try (Softphone phone = phone("orphan")) {
            phone.loseController();

            assertThat(phone.awaitEnd(A_MOMENT)).as("baresip ended once its pipes closed").isTrue();
        }
    }

    @Test
    void phonesKeepTheirFilesUnderAShortPath() throws Exception {
        try (Softphone phone = phone("a-phone-with-a-forty-character-long-name")) {
            // room left for baresip's recording names ("dump-<peer>-<time>-dec.wav") within its ~128 characters
            assertThat(phone.dir().toString().length()).isLessThanOrEqualTo(72);
        }
    }

    private static Softphone phone(String name) throws Exception {
        // registers nowhere: the phone only has to run
        return Softphone.named(name).account("nobody", "not-a-password").registrar("127.0.0.1:" + FreePorts.tcp()).start();
    }
}
