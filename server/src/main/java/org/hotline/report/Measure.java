package org.hotline.report;

import java.util.Locale;

/**
 * What a tally counts (or sums, for the {@code _MS} measures). Every report figure is a ratio of
 * these, so tallies of hours, queues and agents add up to any period's report.
 */
public enum Measure {
    /** Calls that reached the hotline. */
    CALLS,
    SYSTEM_ANSWERED,
    /** Picked up by the hotline within three rings of arrival. */
    SYSTEM_WITHIN_RINGS,
    /** The caller waited past five rings (for the hotline, or in the queue for a person). */
    APOLOGY_DUE,
    /** ... and was apologised to. */
    APOLOGY_GIVEN,
    AFTER_HOURS,
    QUEUED,
    AGENT_ANSWERED,
    /**
     * Queued calls an agent took whose answer time the record does not know (kept by an earlier
     * version with a wrong time, removed by the upgrade): left out of every answer-time figure.
     */
    AGENT_ANSWER_TIME_UNKNOWN,
    ANSWERED_WITHIN_SL,
    /** Hung up while waiting, after the short-abandon threshold. */
    ABANDONED,
    /** Hung up while waiting, within the short-abandon threshold. */
    SHORT_ABANDONED,
    /**
     * Abandons (short or not) within the service-level threshold. Every short abandon is within it
     * (see {@link ReportRules}), so the long ones within it are this less {@link #SHORT_ABANDONED}.
     */
    ABANDONED_WITHIN_SL,
    /** Left the queue within the service-level threshold: answered, abandoned or asked for a callback. */
    REMOVED_WITHIN_SL,
    CALLBACK_REQUESTED,
    CALLBACK_REACHED,
    CALLBACK_WITHIN_DEADLINE,
    /** Sum of the waits from joining the queue to an agent's answer (ASA's numerator). */
    WAIT_MS,
    TALKS,
    TALK_MS,
    TALK_WITHIN_TARGET,
    TALK_OVER_LIMIT,
    WRAP_UPS,
    WRAP_UP_MS,
    /**
     * Times an agent's phone rang for a queued caller and the ring ended answered, not answered, busy
     * or unavailable: the rings the agent could have answered (not those the caller abandoned or
     * the hotline withdrew; not callback or campaign legs).
     */
    OFFERS,
    OFFERS_ANSWERED,
    OFFERS_ANSWERED_WITHIN_RINGS,
    RING_NO_ANSWER,
    /** The survey question was put to the caller (the agent hung up first and the caller was still there). */
    SURVEYS_OFFERED,
    /** Surveys answered with a score. */
    SURVEYS,
    SURVEY_SCORE_SUM,
    SURVEY_1,
    SURVEY_2,
    SURVEY_3,
    SURVEY_4,
    SURVEY_5,
    /** Agents' time (per agent, not per queue): ready and waiting for a call. */
    READY_MS,
    /** Ringing with an offer. */
    OFFERED_MS,
    ON_CALL_MS,
    AGENT_WRAP_UP_MS,
    PAUSED_BREAK_MS,
    PAUSED_TRAINING_MS,
    PAUSED_ADMIN_MS,
    PAUSED_RING_NO_ANSWER_MS;

    /** The name used in stored rollups and in the API, e.g. {@code answeredWithinSl}. */
    public String field() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    static Measure surveyScore(int score) {
        return values()[SURVEY_1.ordinal() + score - 1];
    }
}
