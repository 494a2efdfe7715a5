package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.it.AsteriskSandbox;
import org.junit.jupiter.api.Test;

/** The benchmarks measure the server as bin/hotline runs it, and the integration tests' server runs the same way. */
class JvmOptionsTest {

    @Test
    void theBenchmarksAndTheTestsRunTheServerWithBinHotlinesJvmOptions() throws Exception {
        String hotline = Files.readString(AsteriskSandbox.home().resolve("bin/hotline"));
        String tests = Files.readString(AsteriskSandbox.home().resolve("server/src/test/java/org/hotline/it/ServerProcess.java"));
        String javaLine = hotline.substring(hotline.indexOf("JAVA=(\"$JAVA_HOME/bin/java\""));
        javaLine = javaLine.substring(0, javaLine.indexOf(')'));

        for (String option : ServerProcess.JVM_OPTIONS) {
            assertThat(javaLine).as("bin/hotline").contains(" " + option);
            assertThat(tests).as("the integration tests' server").contains("\"" + option + "\"");
        }
        assertThat(javaLine.split("\\s+")).filteredOn(word -> word.startsWith("-X"))
                .containsExactlyInAnyOrderElementsOf(ServerProcess.JVM_OPTIONS);
    }
}
