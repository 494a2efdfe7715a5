package org.hotline.telephony.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentAccountsTest {

    @TempDir
    Path dir;

    private final Agent li = new Agent(new AgentId("010"), "李明", Tier.FRONT_LINE, Map.of(new Skill("orders"), 3));

    @Test
    void eachAgentGetsAGeneratedPasswordKeptPrivateAndReused() throws Exception {
        AgentAccounts accounts = new AgentAccounts(List.of(li), dir.resolve("secrets"));
        String first = accounts.password(li.id());
        assertThat(first).matches("[0-9a-f]{16}");
        assertThat(accounts.password(li.id())).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/010.password"))))
                .isEqualTo("rw-------");
        assertThat(new AgentAccounts(List.of(li), dir.resolve("secrets")).password(li.id())).isEqualTo(first);
    }

    @Test
    void theAsteriskConfigurationHasAnAccountPerAgentAndNothingFromTheirNames() throws Exception {
        AgentAccounts accounts = new AgentAccounts(List.of(li), dir.resolve("secrets"));
        String conf = accounts.pjsipConfig();
        assertThat(conf).contains("[agent-010]", "type = endpoint", "context = agents", "[agent-010-auth]",
                "username = agent-010", "password = " + accounts.password(li.id()), "max_contacts = 1");
        assertThat(conf).doesNotContain("李明");

        Files.createDirectories(dir.resolve("etc"));
        assertThat(accounts.writeTo(dir.resolve("etc"))).isTrue();
        assertThat(dir.resolve("etc/pjsip_agents.conf")).content().isEqualTo(conf);
        assertThat(accounts.writeTo(dir.resolve("no-such-asterisk"))).isFalse();
    }

    @Test
    void eachAgentHasABrowserPhoneAccountForWebRtcWithAPasswordOfItsOwn() throws Exception {
        AgentAccounts accounts = new AgentAccounts(List.of(li), dir.resolve("secrets"));
        String conf = accounts.pjsipConfig();
        String web = conf.substring(conf.indexOf("[agent-010-web]"));

        assertThat(web).contains("webrtc = yes", "media_encryption = dtls", "dtls_auto_generate_cert = yes", "ice_support = yes",
                "use_avpf = yes", "transport = transport-wss", "context = agents", "allow = opus,ulaw,alaw",
                "username = agent-010-web", "password = " + accounts.browserPassword(li.id()), "max_contacts = 1");
        assertThat(accounts.browserPassword(li.id())).matches("[0-9a-f]{16}").isNotEqualTo(accounts.password(li.id()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/010-web.password"))))
                .isEqualTo("rw-------");
        assertThat(AgentAccounts.browserEndpoint(li.id())).isEqualTo("agent-010-web");
    }

    @Test
    void phonesRegisteredWithANodeKeepTheirNatHandlingAndThoseThroughTheFrontDoorKeepTheirOwnContactAndItsPath() throws Exception {
        String direct = new AgentAccounts(List.of(li), dir.resolve("secrets")).pjsipConfig();
        assertThat(direct).contains("rewrite_contact = yes").doesNotContain("support_path");

        String throughTheDoor = new AgentAccounts(List.of(li), dir.resolve("secrets"), true).pjsipConfig();
        assertThat(throughTheDoor).contains("rewrite_contact = no", "support_path = yes");
    }

    @Test
    void nodesLoggingInAtOnceAllGetTheOnePasswordGeneratedForEachAgent() throws Exception {
        List<Agent> agents = new java.util.ArrayList<>();
        for (int i = 10; i < 60; i++) {
            agents.add(new Agent(new AgentId("0" + i), "agent " + i, Tier.FRONT_LINE, Map.of(new Skill("orders"), 3)));
        }
        AgentAccounts accounts = new AgentAccounts(agents, dir.resolve("secrets"));
        List<java.nio.file.Path> etcs = new java.util.ArrayList<>();
        for (int node = 0; node < 8; node++) {
            etcs.add(java.nio.file.Files.createDirectories(dir.resolve("node-" + node + "/etc")));
        }
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(etcs.size());
        List<Thread> logins = etcs.stream().map(etc -> Thread.ofPlatform().start(() -> {
            together.countDown();
            try {
                together.await();
                accounts.writeTo(etc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        for (Thread login : logins) {
            login.join();
        }
        for (Agent agent : agents) {
            String password = accounts.password(agent.id());
            for (var etc : etcs) {
                assertThat(java.nio.file.Files.readString(etc.resolve("pjsip_agents.conf"))).as("agent %s at %s", agent.id(), etc)
                        .contains("password = " + password + "\n");
            }
        }
    }

    @Test
    void onlyAnAgentsOwnChannelOrAccountNamesThatAgent() {
        assertThat(AgentAccounts.agentOfChannel("PJSIP/agent-010-0000002a")).contains(new AgentId("010"));
        assertThat(AgentAccounts.agentOfChannel("PJSIP/caller-0000002a")).isEmpty();
        assertThat(AgentAccounts.agentOfChannel("PJSIP/agent-010;x-0000002a")).isEmpty();
        assertThat(AgentAccounts.agentOfChannel(null)).isEmpty();
        assertThat(AgentAccounts.agentOfEndpoint("agent-011")).contains(new AgentId("011"));
        assertThat(AgentAccounts.agentOfEndpoint("caller")).isEmpty();
    }
}
