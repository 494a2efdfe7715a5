package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import org.hotline.access.AuditEntry;
import org.hotline.access.FirstAdmin;
import org.hotline.access.Passwords;
import org.hotline.access.Role;
import org.hotline.access.User;
import org.hotline.access.Users;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoUsersTest {

    private final MongoStore store = TestMongo.openStore();
    private final MongoUsers users = new MongoUsers(store.users());
    private final Passwords passwords = new Passwords(4);

    @AfterEach
    void drop() {
        store.database().drop();
        store.close();
    }

    @Test
    void theFirstRunMakesOneAdministratorWithAGeneratedPasswordAndLaterRunsMakeNone() {
        String generated = FirstAdmin.ensure(users, passwords, null, new SecureRandom()).orElseThrow();
        assertThat(Passwords.problem(generated)).isNull();
        User admin = users.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.passwordHash()).doesNotContain(generated);
        assertThat(passwords.matches(generated, admin.passwordHash())).isTrue();

        assertThat(FirstAdmin.ensure(users, passwords, null, new SecureRandom())).isEmpty();
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void theOperatorsPasswordIsUsedAndNotEchoed() {
        assertThat(FirstAdmin.ensure(users, passwords, "given by the operator", new SecureRandom())).isEmpty();
        assertThat(passwords.matches("given by the operator", users.find("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void usersAreKeptWithTheirRoleAndAgentAndANameIsTakenOnce() {
        User agent = new User("li.na", "<b>Li Na</b>", Role.AGENT, new AgentId("010"), passwords.hash("a long password"), false);
        users.add(agent);
        assertThat(users.find("li.na")).contains(agent);
        assertThatThrownBy(() -> users.add(agent)).isInstanceOf(Users.UserExists.class);

        users.replace(new User("li.na", "Li Na", Role.SUPERVISOR, null, agent.passwordHash(), true));
        assertThat(users.find("li.na").orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(users.find("li.na").orElseThrow().disabled()).isTrue();
        assertThat(users.find("{\"$ne\": null}")).isEmpty();
    }

    @Test
    void theAuditLogListsNewestFirstAndFiltersByUser() {
        MongoAuditLog log = new MongoAuditLog(store.auditLog());
        Instant at = Instant.parse("2026-11-22T01:00:00Z");
        log.record(new AuditEntry(at, "li.na", "customer.viewed", "/api/customers/+8613800138000", null));
        log.record(new AuditEntry(at.plusSeconds(60), "wang.wei", "campaign.created", "/api/campaigns", null));
        log.record(new AuditEntry(at.plusSeconds(120), "li.na", "report.exported", "/api/reports?format=csv", null));

        assertThat(log.between(at, at.plusSeconds(600), null, 10)).extracting(AuditEntry::action)
                .containsExactly("report.exported", "campaign.created", "customer.viewed");
        assertThat(log.between(at, at.plusSeconds(600), "li.na", 10)).hasSize(2);
        assertThat(log.between(at.plusSeconds(1), at.plusSeconds(120), null, 10)).extracting(AuditEntry::user).containsExactly("wang.wei");
    }
}
