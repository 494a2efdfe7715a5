package org.hotline.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one test caller does, and what the agent whose phone rings for them does: the scenario's
 * script, drawn from a seeded random source so a failing run can be replayed.
 *
 * @param name        c01, c02, … (the call's name in the output)
 * @param start       when the caller dials, from the start of their phase
 * @param key         the menu key pressed (for the calls that get as far as the menu)
 * @param hangUpAfter GREETING / MENU: after that prompt started; QUEUE_ABANDON: after joining the queue;
 *                    RING_ABANDON: after the agent's phone started ringing
 * @param ringOutFirst the first agent offered lets the phone ring out (then is readied {@code pauseFor} later)
 * @param answerAfter how long the answering agent lets the phone ring (from the phone's incoming call)
 * @param talk        the conversation's length, from the caller's BridgeEnter
 * @param agentHangsUp the agent ends the conversation (else the caller)
 * @param survey      what the caller does when asked for a rating (agent hung up first)
 */
record CallScript(String name, Kind kind, Duration start, char key, Duration hangUpAfter, boolean ringOutFirst,
                  Duration pauseFor, Duration answerAfter, Duration talk, boolean agentHangsUp, Survey survey,
                  Duration surveyKeyAfter) {

    enum Kind { GREETING_HANG_UP, MENU_HANG_UP, QUEUE_ABANDON, RING_ABANDON, CONVERSATION }

    /** The caller's answer to the survey question: a score, no key at all (it times out), or hanging up. */
    record Survey(int score, boolean hangUp) {
        static final Survey SKIPPED = new Survey(0, false);
        static final Survey HUNG_UP = new Survey(0, true);

        static Survey score(int score) {
            return new Survey(score, false);
        }

        Integer expectedScore() {
            return score == 0 ? null : score;
        }

        @Override
        public String toString() {
            return score > 0 ? "score " + score : hangUp ? "hangs up" : "no key";
        }
    }

    static final Map<Character, String> MENU = Map.of('1', "orders", '2', "after-sales", '3', "complaints", '0', "agent");

    String queue() {
        return MENU.get(key);
    }

    String callerId() {
        return "<1390100" + name.substring(1).replaceAll("\\D", "") + "00>";
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case GREETING_HANG_UP -> "hangs up " + s(hangUpAfter) + " into the greeting";
            case MENU_HANG_UP -> "hangs up " + s(hangUpAfter) + " into the menu";
            case QUEUE_ABANDON -> "presses " + key + " (" + queue() + "), hangs up " + s(hangUpAfter) + " after joining";
            case RING_ABANDON -> "presses " + key + " (" + queue() + "), hangs up " + s(hangUpAfter) + " into the agent's ring";
            case CONVERSATION -> "presses " + key + " (" + queue() + ")" + (ringOutFirst ? ", first agent lets it ring out"
                    + " (readied " + s(pauseFor) + " later)" : "") + ", answered after " + s(answerAfter) + " of ringing, talks "
                    + s(talk) + ", " + (agentHangsUp ? "agent hangs up, survey: " + survey
                    + (survey.score() > 0 || survey.hangUp() ? " after " + s(surveyKeyAfter) : "") : "caller hangs up");
        };
        return name + " at +" + s(start) + ": " + what;
    }

    private static String s(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Phase A: every agent paused (admin): hang-ups before the queue, and callers who give up waiting. */
    static List<CallScript> waitingPhase(Random random) {
        List<CallScript> calls = new ArrayList<>();
        int[] n = {0};
        calls.add(simple(n, Kind.GREETING_HANG_UP, 0, '1', between(random, 1.0, 3.0)));
        calls.add(simple(n, Kind.MENU_HANG_UP, 2, '1', between(random, 1.0, 3.0)));
        // short abandons (at most 5 s after joining) and long ones (10-40 s, clear of the 15 s apology and 20 s service level)
        calls.add(simple(n, Kind.QUEUE_ABANDON, 1, key(random), between(random, 1.5, 3.5)));
        calls.add(simple(n, Kind.QUEUE_ABANDON, 3, key(random), between(random, 10.5, 13.5)));
        calls.add(simple(n, Kind.QUEUE_ABANDON, 4, key(random), between(random, 1.5, 3.5)));
        calls.add(simple(n, Kind.QUEUE_ABANDON, 5, key(random), between(random, 22.0, 30.0)));
        calls.add(simple(n, Kind.GREETING_HANG_UP, 6, '1', between(random, 0.5, 3.0)));
        calls.add(simple(n, Kind.QUEUE_ABANDON, 8, key(random), between(random, 32.0, 40.0)));
        calls.add(simple(n, Kind.MENU_HANG_UP, 9, '1', between(random, 0.5, 3.0)));
        calls.add(simple(n, Kind.QUEUE_ABANDON, 12, key(random), between(random, 1.5, 3.5)));
        return calls;
    }

    /** Phase B: agents at work: conversations of every kind, one ring left to ring out, two callers gone while it rings. */
    static List<CallScript> talkingPhase(Random random, int firstNumber) {
        int conversations = 18;
        List<Duration> talks = new ArrayList<>();
        // clear of the talk target (10 s) and limit (15 s) this run sets, so the sides of each are certain
        for (int i = 0; i < conversations; i++) {
            talks.add(i < 8 ? between(random, 2.0, 9.0) : i < 13 ? between(random, 11.0, 14.0) : between(random, 16.0, 22.0));
        }
        Collections.shuffle(talks, random);
        List<Boolean> agentFirst = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            agentFirst.add(i < 10);
        }
        Collections.shuffle(agentFirst, random);
        List<Survey> surveys = new ArrayList<>(List.of(Survey.score(5), Survey.score(4), Survey.score(2), Survey.SKIPPED,
                Survey.score(5), Survey.score(1), Survey.HUNG_UP, Survey.score(3), Survey.score(4), Survey.SKIPPED));
        Collections.shuffle(surveys, random);

        List<CallScript> calls = new ArrayList<>();
        double at = 0;
        int talk = 0;
        int survey = 0;
        for (int i = 0; i < conversations + 2; i++) {
            String name = String.format("c%02d", firstNumber + i);
            Duration start = Duration.ofMillis(Math.round(at * 1000));
            if (i == 6 || i == 13) {
                calls.add(new CallScript(name, Kind.RING_ABANDON, start, key(random), between(random, 2.0, 5.0), false,
                        Duration.ZERO, Duration.ZERO, Duration.ZERO, false, Survey.SKIPPED, Duration.ZERO));
            } else {
                boolean agentHangsUp = agentFirst.get(talk);
                calls.add(new CallScript(name, Kind.CONVERSATION, start, key(random), Duration.ZERO, i == 2,
                        between(random, 3.0, 6.0), between(random, 0.5, 8.0), talks.get(talk++), agentHangsUp,
                        agentHangsUp ? surveys.get(survey++) : Survey.SKIPPED, between(random, 0.5, 2.5)));
            }
            // a burst of four callers a second apart makes some wait past the service level
            at += i >= 8 && i < 11 ? 1.0 : 6.0 + random.nextDouble() * 6.0;
        }
        return calls;
    }

    private static CallScript simple(int[] n, Kind kind, double start, char key, Duration hangUpAfter) {
        return new CallScript(String.format("c%02d", ++n[0]), kind, Duration.ofMillis(Math.round(start * 1000)), key, hangUpAfter,
                false, Duration.ZERO, Duration.ZERO, Duration.ZERO, false, Survey.SKIPPED, Duration.ZERO);
    }

    /** Menu keys, complaints (two agents, both also in after-sales) a little less often. */
    private static char key(Random random) {
        return "0011223".charAt(random.nextInt(7));
    }

    private static Duration between(Random random, double fromSeconds, double toSeconds) {
        return Duration.ofMillis(Math.round((fromSeconds + random.nextDouble() * (toSeconds - fromSeconds)) * 1000));
    }
}
