package org.hotline.cases;

/** Who is told when something happens to a case (the owner's and the team lead's screens). Must not block. */
public interface CaseNotices {

    void opened(Case opened);

    void escalated(Case escalated);

    void overdue(Case overdue);

    static CaseNotices none() {
        return new CaseNotices() {
            @Override
            public void opened(Case opened) {
            }

            @Override
            public void escalated(Case escalated) {
            }

            @Override
            public void overdue(Case overdue) {
            }
        };
    }
}
