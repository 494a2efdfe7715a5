package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/asterisk makes HOTLINE_NODE_NAME the node's systemname, which prefixes every call id: it takes the
 * names the server takes and nothing else. Checked with {@code status}, which reads the settings and starts nothing.
 */
class NodeNameScriptTest {

    @TempDir
    Path dir;

    @Test
    void aNodeNameOtherThanLowerCaseLettersDigitsAndDashesStopsTheScript() throws Exception {
        for (String bad : List.of("Node-A", "a_b", "a.b", "a b", "${EVIL}", "x".repeat(33))) {
            BinAsteriskStatus.Result result = status(bad);
            assertThat(result.exit()).as(bad).isEqualTo(1);
            assertThat(result.errors()).as(bad).contains("HOTLINE_NODE_NAME must be 1 to 32 of a-z, 0-9 and -");
        }
    }

    @Test
    void aGoodNodeNameOrNoneIsTaken() throws Exception {
        for (String good : new String[] {"a", "node-2", null}) {
            assertThat(status(good).errors()).as(String.valueOf(good)).doesNotContain("HOTLINE_NODE_NAME");
        }
    }

    private BinAsteriskStatus.Result status(String name) throws IOException, InterruptedException {
        java.util.Map<String, String> variables = new java.util.HashMap<>();
        variables.put("HOTLINE_NODE_NAME", name);
        return BinAsteriskStatus.of(dir, variables);
    }
}
