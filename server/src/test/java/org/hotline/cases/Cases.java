package org.hotline.cases;

import java.time.Instant;
import java.time.ZoneId;
import org.hotline.shared.AgentId;

/** Cases as the tests need them. */
public final class Cases {

    public static final String CHEN = "+8613800138000";

    private Cases() {
    }

    static Particulars particulars() {
        return new Particulars("2026-11-20 afternoon", "Xidan store", "the courier", "parcel delivered damaged; asks for a refund",
                null, CHEN);
    }

    static NewCase request(Severity severity) {
        return new NewCase(particulars(), "delivery", severity, null, new AgentId("010"), null, null);
    }

    /** An open, normal case of agent 010's, deadline counted from opening (3 days, Shanghai). */
    public static Case open(Instant at) {
        return open(at, ReplyDeadline.handbook(ZoneId.of("Asia/Shanghai")));
    }

    static Case open(Instant at, ReplyDeadline deadlines) {
        return Case.open(new CaseId("20261122-AAAAAA"), request(Severity.NORMAL), new AgentId("010"), CHEN, null, at, deadlines);
    }
}
