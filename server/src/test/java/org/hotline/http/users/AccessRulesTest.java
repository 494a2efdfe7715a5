package org.hotline.http.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.HttpMethod;
import org.hotline.access.Role;
import org.hotline.access.Viewer;
import org.hotline.http.contract.ContractCheck;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

/** Who may call what; that every mounted route has a rule is checked against the real router in HttpContractTest. */
class AccessRulesTest {

    private static final Viewer AGENT = new Viewer("li.na", Role.AGENT, new AgentId("010"));
    private static final Viewer SUPERVISOR = new Viewer("team.lead", Role.SUPERVISOR, null);
    private static final Viewer ADMIN = new Viewer("boss", Role.ADMIN, null);

    private final AccessRules rules = AccessRules.standard();

    @Test
    void aRouteWithoutARuleIsForAdministratorsOnly() {
        AccessRules.Rule unknown = rules.ruleFor(HttpMethod.GET, "/api/something-new");
        assertThat(unknown.allows(ADMIN, AccessRules.segments("/api/something-new"))).isTrue();
        assertThat(unknown.allows(SUPERVISOR, AccessRules.segments("/api/something-new"))).isFalse();
    }

    @Test
    void anAgentWorksTheirOwnDeskOnly() {
        assertThat(allows(AGENT, HttpMethod.PUT, "/api/agents/010/state")).isTrue();
        assertThat(allows(AGENT, HttpMethod.PUT, "/api/agents/011/state")).isFalse();
        assertThat(allows(AGENT, HttpMethod.GET, "/api/agents/011/screen-pop")).isFalse();
        assertThat(allows(SUPERVISOR, HttpMethod.PUT, "/api/agents/011/state")).isTrue();
    }

    @Test
    void onlySupervisorsLaunchCampaignsAndOnlyAdministratorsManageUsers() {
        assertThat(allows(AGENT, HttpMethod.POST, "/api/campaigns")).isFalse();
        assertThat(allows(AGENT, HttpMethod.POST, "/api/campaigns/upload")).isFalse();
        assertThat(allows(AGENT, HttpMethod.POST, "/api/campaigns/c1/start")).isFalse();
        assertThat(allows(SUPERVISOR, HttpMethod.POST, "/api/campaigns/c1/stop")).isTrue();
        assertThat(allows(SUPERVISOR, HttpMethod.POST, "/api/users")).isFalse();
        assertThat(allows(ADMIN, HttpMethod.POST, "/api/users")).isTrue();
    }

    @Test
    void theMostSpecificRuleWinsAndATrailingSlashIsTheSameRoute() {
        assertThat(rules.ruleFor(HttpMethod.GET, "/api/cases/overdue").pattern()).isEqualTo("/api/cases/overdue");
        assertThat(rules.ruleFor(HttpMethod.GET, "/api/cases/20261122-4F7K2Q").pattern()).isEqualTo("/api/cases/:id");
        assertThat(rules.ruleFor(HttpMethod.POST, "/api/campaigns/upload").pattern()).isEqualTo("/api/campaigns/upload");
        assertThat(rules.ruleFor(HttpMethod.GET, "/api/calls/").pattern()).isEqualTo("/api/calls");
        assertThat(allows(AGENT, HttpMethod.GET, "/api/calls/")).isFalse();
    }

    @Test
    void eachOperationOfTheContractSaysWhoMayCallIt() {
        assertThat(rules.rules()).hasSize(operations());
        assertThat(rules.ruleFor(HttpMethod.GET, "/api/health").need()).isEqualTo(AccessRules.Need.NOBODY);
        assertThat(rules.ruleFor(HttpMethod.GET, "/api/session").need()).isEqualTo(AccessRules.Need.LOGIN);
        assertThat(rules.ruleFor(HttpMethod.GET, "/api/agents/010/screen-pop").audit()).isEqualTo("screen-pop.viewed");
        assertThat(rules.ruleFor(HttpMethod.DELETE, "/api/customers/+8613800138000").permission())
                .isEqualTo(org.hotline.access.Permission.ADMINISTER);
    }

    @Test
    void anOperationWithoutAPermissionOrWithOneNoRoleHasStopsStartUp() {
        assertThatThrownBy(() -> AccessRules.fromContract("openapi/operation-without-permission.yaml"))
                .hasMessageContaining("DELETE /api/things/{id}: no x-permission");
        assertThatThrownBy(() -> AccessRules.fromContract("openapi/unknown-permission.yaml"))
                .hasMessageContaining("GET /api/things: x-permission supervisor is none of");
    }

    /** The operations of the contract as written, each under its path and method. */
    private static int operations() {
        try (java.io.InputStream in = AccessRulesTest.class.getClassLoader().getResourceAsStream(ContractCheck.CONTRACT)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return (int) text.lines().filter(line -> line.startsWith("      operationId: ")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean allows(Viewer viewer, HttpMethod method, String path) {
        return rules.ruleFor(method, path).allows(viewer, AccessRules.segments(path));
    }
}
