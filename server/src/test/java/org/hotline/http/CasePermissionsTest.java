package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.hotline.it.ApiSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may move a case on or open a follow-up of it: its owner, the owner's team lead, supervisors
 * and administrators; never a colleague (handbook: first-contact ownership, follow-ups go to the
 * team lead). Against the whole server over HTTP; the roster: 010 and 011 are led by 001.
 */
class CasePermissionsTest {

    @TempDir
    static Path state;
    static RunningHotline hotline;
    static ApiSession owner;
    static ApiSession colleague;
    static ApiSession teamLead;
    static ApiSession supervisor;

    @BeforeAll
    static void start() throws Exception {
        hotline = new RunningHotline(state);
        owner = hotline.userLoggedIn("li.ming", "agent", "010");
        colleague = hotline.userLoggedIn("wang.fang", "agent", "011");
        teamLead = hotline.userLoggedIn("zhang.wei", "agent", "001");
        supervisor = hotline.userLoggedIn("chen.jing", "supervisor", null);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static String caseOf010() throws Exception {
        var opened = owner.post("/api/cases", new JsonObject().put("what", "parcel never arrived").put("category", "orders")
                .put("contactPhone", "13800138000").put("owner", "010").encode());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return new JsonObject(opened.body()).getString("id");
    }

    private static JsonObject solutionReady(String by) {
        JsonObject change = new JsonObject().put("status", "solution-ready");
        return by == null ? change : change.put("by", by);
    }

    private static String followUp(String by) {
        return new JsonObject().put("what", "also wants an invoice").put("category", "orders")
                .put("contactPhone", "13800138000").put("by", by).encode();
    }

    @Test
    void aColleagueMayNeitherMoveAnothersCaseNorOpenAFollowUpOfIt() throws Exception {
        String id = caseOf010();

        var moved = colleague.post("/api/cases/" + id + "/status", solutionReady("011").encode());
        var followed = colleague.post("/api/cases/" + id + "/follow-ups", followUp("011"));
        var read = colleague.get("/api/cases/" + id);

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(403);
        assertThat(moved.body()).contains("owner");
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(403);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(hotline.admin().get("/api/cases/" + id).body()).getString("status")).isEqualTo("open");
    }

    @Test
    void theOwnerMovesTheirCaseAndOpensAFollowUp() throws Exception {
        String id = caseOf010();

        assertThat(owner.post("/api/cases/" + id + "/follow-ups", followUp("010")).statusCode()).isEqualTo(201);
        assertThat(owner.post("/api/cases/" + id + "/status", solutionReady("010").encode()).statusCode()).isEqualTo(200);
    }

    @Test
    void theOwnersTeamLeadReadsMovesAndFollowsUpTheCase() throws Exception {
        String id = caseOf010();

        assertThat(teamLead.get("/api/cases/" + id).statusCode()).isEqualTo(200);
        assertThat(teamLead.post("/api/cases/" + id + "/follow-ups", followUp("001")).statusCode()).isEqualTo(201);
        assertThat(teamLead.post("/api/cases/" + id + "/status", solutionReady("001").encode()).statusCode()).isEqualTo(200);
    }

    @Test
    void supervisorsAndAdministratorsWorkOnAnyCase() throws Exception {
        String first = caseOf010();
        String second = caseOf010();

        assertThat(supervisor.post("/api/cases/" + first + "/status", solutionReady(null).encode()).statusCode()).isEqualTo(200);
        assertThat(hotline.admin().post("/api/cases/" + second + "/status", solutionReady(null).encode()).statusCode()).isEqualTo(200);
        assertThat(supervisor.post("/api/cases/" + first + "/follow-ups", followUp("001")).statusCode()).isEqualTo(201);
    }
}
