package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several Asterisk nodes: how they are listed, and what stops start-up. */
class AsteriskNodesConfigTest {

    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void secretsLikeBinAsteriskWritesThem() throws IOException {
        Files.createDirectories(home.resolve("var/secrets"));
        Files.writeString(home.resolve("var/secrets/ami.secret"), "0123456789abcdef0123456789abcdef\n");
        Files.writeString(home.resolve("var/secrets/ami-b.secret"), "bbbbbbbbbbbbbbbbbbbbbbbb\n");
    }

    private HotlineConfig load(String yaml) throws IOException {
        Path file = home.resolve("hotline.yaml");
        Files.writeString(file, "company:\n  name: X\n" + yaml);
        return ConfigLoader.load(file, env, home);
    }

    @Test
    void withoutNodesTheAmiSettingsAreTheOneNodeAsBefore() throws IOException {
        env.put("HOTLINE_AMI_PORT", "15038");
        HotlineConfig config = load("asterisk:\n  ami:\n    host: 127.0.0.1\n");
        assertThat(config.nodes()).singleElement().satisfies(node -> {
            assertThat(node.name()).isEqualTo(HotlineConfig.Node.SINGLE);
            assertThat(node.ami().port()).isEqualTo(15038);
            assertThat(node.ami().secret()).isEqualTo("0123456789abcdef0123456789abcdef");
        });
        assertThat(config.ami()).isEqualTo(config.nodes().get(0).ami());
    }

    @Test
    void nodesListedInTheFileKeepTheirOrderAndTakeTheSharedLoginUnlessTheyHaveTheirOwn() throws IOException {
        HotlineConfig config = load("""
                asterisk:
                  ami:
                    host: 127.0.0.1
                    username: hotline
                  nodes:
                    a: {host: 10.0.0.1}
                    b: {host: 10.0.0.2, port: 5039, secretFile: secrets/ami-b.secret}
                """);
        assertThat(config.nodes()).extracting(HotlineConfig.Node::name).containsExactly("a", "b");
        assertThat(config.nodes().get(0).ami().port()).isEqualTo(5038);
        assertThat(config.nodes().get(0).ami().secret()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(config.nodes().get(1).ami().port()).isEqualTo(5039);
        assertThat(config.nodes().get(1).ami().secret()).isEqualTo("bbbbbbbbbbbbbbbbbbbbbbbb");
        assertThat(config.ami()).isEqualTo(config.nodes().get(0).ami());
    }

    @Test
    void theEnvironmentListsNodesAsNameHostPortAndAnOptionalSecretFile() throws IOException {
        env.put("HOTLINE_ASTERISK_NODES", "a=127.0.0.1:5038, b=127.0.0.1:5039@secrets/ami-b.secret");
        HotlineConfig config = load("");
        assertThat(config.nodes()).extracting(HotlineConfig.Node::name).containsExactly("a", "b");
        assertThat(config.nodes().get(1).ami().port()).isEqualTo(5039);
        assertThat(config.nodes().get(1).ami().secret()).isEqualTo("bbbbbbbbbbbbbbbbbbbbbbbb");
    }

    @Test
    void aNodeRunByBinAsteriskOnThisMachineIsGivenByItsStateDirectoryWhereItsSecretAndConfigurationAre() throws IOException {
        Path nodeB = home.resolve("node-b");
        Files.createDirectories(nodeB.resolve("secrets"));
        Files.writeString(nodeB.resolve("secrets/ami.secret"), "cccccccccccccccccccccccc\n");
        env.put("HOTLINE_ASTERISK_NODES", "a=127.0.0.1:5038,b=127.0.0.1:5039@" + nodeB);

        HotlineConfig config = load("");

        assertThat(config.nodes().get(0).etc()).isEqualTo(config.asteriskEtc()); // the first node is the server's own Asterisk
        assertThat(config.nodes().get(1).ami().secret()).isEqualTo("cccccccccccccccccccccccc");
        assertThat(config.nodes().get(1).etc()).isEqualTo(nodeB.resolve("asterisk/etc"));
        assertThat(config.celFiles()).as("each node's channel event log, the first node's where asterisk.celFile says")
                .containsExactly(config.celFile(), nodeB.resolve("asterisk/log/cel-custom/Master.csv"));
    }

    @Test
    void aNodeElsewhereHasNoConfigurationDirectoryHereUnlessOneIsGiven() throws IOException {
        HotlineConfig config = load("asterisk:\n  nodes:\n    a: {host: 10.0.0.1}\n    b: {host: 10.0.0.2}\n    c: {host: 10.0.0.3, etcDir: c/etc}\n");

        assertThat(config.nodes().get(0).etc()).isEqualTo(config.asteriskEtc());
        assertThat(config.nodes().get(1).etc()).isNull();
        assertThat(config.nodes().get(2).etc()).isEqualTo(home.resolve("var/c/etc").toAbsolutePath().normalize());
    }

    @Test
    void aNodeElsewhereHasItsChannelEventLogReadOnlyWhereOneIsGiven() throws IOException {
        HotlineConfig config = load("asterisk:\n  nodes:\n    a: {host: 10.0.0.1}\n    b: {host: 10.0.0.2}\n"
                + "    c: {host: 10.0.0.3, celFile: c/cel.csv}\n");

        assertThat(config.nodes().get(1).cel()).isNull();
        assertThat(config.celFiles()).containsExactly(config.celFile(), home.resolve("var/c/cel.csv").toAbsolutePath().normalize());
    }

    @Test
    void aNodesChannelEventLogMustBeAFile() throws IOException {
        Files.createDirectories(home.resolve("var/c"));

        assertThatThrownBy(() -> load("asterisk:\n  nodes:\n    a: {host: 10.0.0.1}\n    c: {host: 10.0.0.3, celFile: c}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("asterisk.nodes.c.celFile").hasMessageContaining("directory");
    }

    @Test
    void aNodeNameMustBeLowerCaseLettersDigitsAndDashes() {
        env.put("HOTLINE_ASTERISK_NODES", "Node_A=127.0.0.1:5038");
        assertThatThrownBy(() -> load("")).hasMessageStartingWith("HOTLINE_ASTERISK_NODES: node name \"Node_A\" must be");
        env.clear();
        assertThatThrownBy(() -> load("asterisk:\n  nodes:\n    \"a.b\": {host: 10.0.0.1}\n"))
                .hasMessageStartingWith("asterisk.nodes.a.b: node name");
    }

    @Test
    void aNodeListedTwiceStopsStartUp() {
        env.put("HOTLINE_ASTERISK_NODES", "a=127.0.0.1:5038,a=127.0.0.1:5039");
        assertThatThrownBy(() -> load("")).hasMessage("HOTLINE_ASTERISK_NODES: node a is listed twice");
    }

    @Test
    void anEmptyListOfNodesStopsStartUp() {
        assertThatThrownBy(() -> load("asterisk:\n  nodes: {}\n")).hasMessageStartingWith("asterisk.nodes: at least one node");
    }

    @Test
    void aNodeWithoutAHostOrWithAnUnknownSettingStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> load("asterisk:\n  nodes:\n    a: {port: 5038}\n")).hasMessageStartingWith("asterisk.nodes.a.host:");
        assertThatThrownBy(() -> load("asterisk:\n  nodes:\n    a: {host: h, prot: 5038}\n"))
                .hasMessageStartingWith("asterisk.nodes.a.prot: unknown setting");
    }

    @Test
    void anEnvironmentEntryThatIsNotNameHostPortStopsStartUp() {
        env.put("HOTLINE_ASTERISK_NODES", "a=127.0.0.1");
        assertThatThrownBy(() -> load("")).hasMessageContaining("is not name=host:port");
    }

    @Test
    void theAgentsPhonesAreRungDirectlyUnlessTheFrontDoorCarriesThem() throws IOException {
        assertThat(load("asterisk:\n  ami:\n    host: 127.0.0.1\n").agentsFrontDoor()).isEmpty();
        assertThat(load("asterisk:\n  agentsFrontDoor: 10.0.0.5:5071\n  ami:\n    host: 127.0.0.1\n").agentsFrontDoor())
                .contains("10.0.0.5:5071");
        env.put("HOTLINE_AGENTS_FRONTDOOR", "127.0.0.2:25071");
        assertThat(load("asterisk:\n  agentsFrontDoor: 10.0.0.5:5071\n  ami:\n    host: 127.0.0.1\n").agentsFrontDoor())
                .contains("127.0.0.2:25071");
    }

    @Test
    void aFrontDoorForTheAgentsIsHostAndPort() {
        assertThatThrownBy(() -> load("asterisk:\n  agentsFrontDoor: 10.0.0.5\n  ami:\n    host: 127.0.0.1\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("asterisk.agentsFrontDoor");
        assertThatThrownBy(() -> load("asterisk:\n  agentsFrontDoor: 10.0.0.5:70000\n  ami:\n    host: 127.0.0.1\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not host:port");
    }
}
