package org.hotline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.it.AsteriskSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units in deploy/systemd are what systemd accepts without a single warning, run the
 * server with the one list of JVM options, restart on failure, and see the file system read-only
 * but for the state directory. systemd checks the committed files themselves, with the install
 * path {@value #INSTALLED} pointing at this checkout so the programs they start are really there.
 */
class SystemdUnitsTest {

    private static final String INSTALLED = "/opt/hotline";
    private static final Path HOME = AsteriskSandbox.home();
    private static final Path UNITS = HOME.resolve("deploy/systemd");

    @Test
    void systemdVerifiesEveryUnitWithoutAWarning(@TempDir Path installed) throws Exception {
        List<Path> units = units();
        assertThat(units).extracting(unit -> unit.getFileName().toString())
                .contains("hotline.service", "hotline-asterisk.service");
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (Path unit : units) {
            Path copy = installed.resolve(unit.getFileName());
            Files.writeString(copy, Files.readString(unit).replace(INSTALLED, HOME.toString()));
            command.add(copy.toString());
        }

        Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(said).as("systemd-analyze verify").isEmpty();
        assertThat(verify.exitValue()).as("systemd-analyze verify: " + said).isZero();
    }

    @Test
    void theServersUnitPassesTheJvmOptionsFileAndNoOptionOfItsOwn() throws IOException {
        String start = setting(unit("hotline.service"), "ExecStart");

        assertThat(start).contains("@" + INSTALLED + "/config/jvm.options",
                "-jar " + INSTALLED + "/server/target/hotline-server.jar");
        assertThat(start.split("\\s+")).noneMatch(word -> word.startsWith("-X") || word.startsWith("-D"));
        assertThat(HOME.resolve("config/jvm.options")).exists();
    }

    @Test
    void everyUnitRestartsOnFailureReadsItsSecretsFromTheEnvironmentFileAndWritesOnlyTheStateDirectory() throws IOException {
        for (Path unit : units()) {
            String text = Files.readString(unit);
            assertThat(setting(text, "Restart")).as(unit.toString()).isEqualTo("on-failure");
            assertThat(setting(text, "EnvironmentFile")).as(unit.toString()).isEqualTo("/etc/hotline/hotline.env");
            assertThat(setting(text, "NoNewPrivileges")).as(unit.toString()).isEqualTo("yes");
            assertThat(setting(text, "ProtectSystem")).as(unit.toString()).isIn("strict", "full");
            assertThat(setting(text, "ReadWritePaths")).as(unit.toString()).isEqualTo("/var/lib/hotline");
            assertThat(text).as(unit + ": no secret in a unit").doesNotContainPattern("(?i)(SECRET|PASSWORD)=\\S");
        }
        assertThat(setting(unit("hotline.service"), "ProtectSystem")).isEqualTo("strict");
    }

    @Test
    void theExampleEnvironmentFileSetsNoSecret() throws IOException {
        List<String> set = Files.readAllLines(UNITS.resolve("hotline.env.example")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(set).isEmpty();
        assertThat(Files.readString(UNITS.resolve("hotline.env.example")))
                .contains("#MONGO_URI=", "#HOTLINE_AGI_SERVERS=", "#HOTLINE_AMI_SECRET=", "#HOTLINE_ADMIN_PASSWORD=");
    }

    private static List<Path> units() throws IOException {
        try (Stream<Path> files = Files.list(UNITS)) {
            return files.filter(file -> file.toString().endsWith(".service")).sorted().toList();
        }
    }

    private static String unit(String name) throws IOException {
        return Files.readString(UNITS.resolve(name));
    }

    private static String setting(String unit, String key) {
        Matcher matcher = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(unit);
        assertThat(matcher.find()).as(key + " set").isTrue();
        return matcher.group(1).strip();
    }
}
