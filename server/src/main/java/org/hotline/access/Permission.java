package org.hotline.access;

/** What a role may do; routes and pages ask for one of these, never for a role by name. */
public enum Permission {
    /** Take calls: own state, own screen pop, own calls and cases, customer files while serving them. */
    WORK_CALLS,
    /** Run the floor: every agent's calls, cases, the customer list, the reports and the wall board. */
    SUPERVISE,
    /** Read customers' phone numbers in full (others see 138****8000). */
    SEE_FULL_NUMBERS,
    /** Create, start, pause and stop outbound campaigns; the do-not-call list. */
    RUN_CAMPAIGNS,
    /** Take data out of the centre: CSV exports and stored report files. */
    EXPORT,
    /** Users, roles, the audit log, deleting customer files. */
    ADMINISTER
}
