package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.hotline.it.AsteriskSandbox;
import org.hotline.it.JvmOptionsFile;
import org.junit.jupiter.api.Test;

/**
 * The server's JVM options live in config/jvm.options alone: bin/hotline, the benchmarks and the
 * integration tests' server all run the server with that file, and it holds the options
 * docs/operations.md explains. (The systemd unit's use of it: deploy.SystemdUnitsTest.)
 */
class JvmOptionsTest {

    @Test
    void theBenchmarksAndTheTestsRunTheServerWithBinHotlinesJvmOptions() throws Exception {
        String hotline = Files.readString(AsteriskSandbox.home().resolve("bin/hotline"));
        String tests = Files.readString(AsteriskSandbox.home().resolve("server/src/test/java/org/hotline/it/ServerProcess.java"));
        String javaLine = hotline.substring(hotline.indexOf("JAVA=(\"$JAVA_HOME/bin/java\""));
        javaLine = javaLine.substring(0, javaLine.indexOf(')'));

        assertThat(javaLine).as("bin/hotline").contains("\"@$HOTLINE_HOME/config/jvm.options\"").doesNotContain(" -X");
        assertThat(tests).as("the integration tests' server").contains("\"@\" + JvmOptionsFile.path()").doesNotContain("\"-X");
        assertThat(ServerProcess.JVM_OPTIONS).as("the benchmarks").isEqualTo(JvmOptionsFile.options());
    }

    @Test
    void theOptionsFileHoldsTheOptionsTheOperationsGuideExplains() throws Exception {
        String guide = Files.readString(AsteriskSandbox.home().resolve("docs/operations.md"));
        String explained = guide.substring(guide.indexOf("## The server's JVM"));
        explained = explained.substring(explained.indexOf("\n    -") + 5, explained.indexOf('\n', explained.indexOf("\n    -") + 1));

        assertThat(JvmOptionsFile.options()).filteredOn(word -> word.startsWith("-X"))
                .containsExactly(explained.strip().split("\\s+"))
                .contains("-XX:+UseSerialGC", "-Xmx512m", "-XX:+UseStringDeduplication", "-Xss512k");
    }
}
