package org.hotline.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every context the server sends calls into exists in the project's dialplan. */
class DialplanTest {

    private static final Pattern CONTEXT = Pattern.compile("^\\[([^\\]]+)\\]", Pattern.MULTILINE);

    @Test
    void everyContextTheServerNamesIsInTheDialplan() throws IOException {
        Set<String> contexts = contextsOf(dialplanDirectory());
        for (Dialplan name : Dialplan.values()) {
            assertTrue(contexts.contains(name.context()),
                    "the server sends calls into [" + name.context() + "], which dialplan/*.conf does not have: " + contexts);
        }
    }

    @Test
    void aLocalChannelDialsTheExtensionInItsContext() {
        assertEquals("Local/13900000060@hotline-outbound", Dialplan.OUTBOUND.local("13900000060"));
    }

    /** The project's dialplan directory: tests run in server/, the home is one up ({@code hotline.home} when set). */
    private static Path dialplanDirectory() {
        Path dir = Path.of(System.getProperty("hotline.home", "..")).resolve("dialplan");
        assertTrue(Files.isDirectory(dir), "no dialplan directory at " + dir.toAbsolutePath());
        return dir;
    }

    private static Set<String> contextsOf(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no .conf file in " + dir.toAbsolutePath());
        Set<String> contexts = new TreeSet<>();
        for (Path file : files) {
            Matcher matcher = CONTEXT.matcher(Files.readString(file));
            while (matcher.find()) {
                contexts.add(matcher.group(1).trim());
            }
        }
        return contexts;
    }
}
