package org.hotline.report;

import static org.hotline.report.Formula.mean;
import static org.hotline.report.Formula.share;
import static org.hotline.report.Formula.spread;
import static org.hotline.report.Formula.total;
import static org.hotline.report.Term.elsewhere;
import static org.hotline.report.Term.of;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every report figure, defined once: its id (its name in the API's JSON, dotted where nested),
 * its label in both languages, its unit, its formula in {@link Measure}s and the edge rule a
 * supervisor needs to trust it. {@link Figures#of} computes from these entries; the API, the CSV
 * export, the pages' labels and docs/figures.md are checked against them.
 *
 * <p>Thresholds are the handbook's defaults (T = 20 s, short abandon 5 s, three rings = 9 s, talk
 * target 3 min and limit 5 min): each is a setting (see {@link ReportRules}); a time exactly at a
 * threshold counts as within it. Every call counts in the period it arrived in, in the centre's zone.
 */
public enum Figure {
    CALLS("calls", Unit.COUNT, new Label("Calls", "来电"),
            total(of("calls", Measure.CALLS)),
            "Every call that reached the hotline, in the period it arrived (a call across midnight counts on the day it arrived)."),
    SYSTEM_ANSWERED("systemAnswered", Unit.COUNT, new Label("Answered by the hotline", "系统接听"),
            total(of("calls the hotline picked up", Measure.SYSTEM_ANSWERED)),
            "Calls the hotline's own answer (the greeting) picked up, whatever followed."),
    QUEUED("queued", Unit.COUNT, new Label("Queued for an agent", "进入排队"),
            total(of("calls that joined a queue", Measure.QUEUED)),
            "Calls that joined a queue for a person; callbacks and campaign calls are not queued calls."),
    AGENT_ANSWERED("agentAnswered", Unit.COUNT, new Label("Answered by an agent", "坐席接听"),
            total(of("queued calls an agent answered", Measure.AGENT_ANSWERED)),
            "Queued calls an agent answered (DialEnd ANSWER); a call counts once whatever number of agents rang."),
    AGENT_ANSWER_TIME_UNKNOWN("agentAnswerTimeUnknown", Unit.COUNT,
            new Label("Answered, answer time not known", "坐席接听（接听时间未知）"),
            total(of("queued calls an agent took whose record has no trustworthy answer time", Measure.AGENT_ANSWER_TIME_UNKNOWN)),
            "Calls recorded before answer times came from Asterisk's events, whose answer time could not be recovered: "
                    + "counted here and left out of every answer-time figure (ASA, service level, agent 3 rings, talk)."),
    ABANDONED("abandoned", Unit.COUNT, new Label("Abandoned in the queue (not short)", "排队放弃（不含短时放弃）"),
            total(of("callers who hung up waiting after the short-abandon time", Measure.ABANDONED)),
            "Queued callers never answered by an agent who hung up (also while an agent's phone rang) more than 5 s after joining."),
    SHORT_ABANDONED("shortAbandoned", Unit.COUNT, new Label("Short abandons", "短时放弃"),
            total(of("callers who hung up within the short-abandon time", Measure.SHORT_ABANDONED)),
            "Queued callers who hung up within 5 s of joining (exactly 5 s is short): they had no real chance to be served."),
    CALLBACK_REQUESTED("callbackRequested", Unit.COUNT, new Label("Callbacks requested", "申请回呼"),
            total(of("callers who asked to be called back", Measure.CALLBACK_REQUESTED)),
            "Callers who asked to be called back instead of waiting (in the queue or after hours)."),
    AFTER_HOURS("afterHours", Unit.COUNT, new Label("Calls after hours", "非工作时间来电"),
            total(of("calls outside the service hours", Measure.AFTER_HOURS)),
            "Calls that arrived outside the service hours."),
    THREE_RING_ANSWER("threeRingAnswer", Unit.RATIO, new Label("Hotline answered within 3 rings", "三声内应答"),
            share(of("answered within 3 rings", Measure.SYSTEM_WITHIN_RINGS),
                    of("answered by the hotline", Measure.SYSTEM_ANSWERED)),
            "The hotline's pick-up (Newstate Up) within 3 rings of arrival (Newchannel); exactly 3 rings is within."),
    APOLOGY("apology", Unit.RATIO, new Label("Apologised to after 5 rings", "超五声致歉"),
            share(of("apologised to", Measure.APOLOGY_GIVEN),
                    of("callers who waited past 5 rings", Measure.APOLOGY_DUE)),
            "Callers kept waiting past 5 rings (for the hotline, or in the queue for a person) who heard the apology."),
    AGENT_THREE_RING_ANSWER("agentThreeRingAnswer", Unit.RATIO, new Label("Agent answered within 3 rings", "坐席三声内接听"),
            share(of("offers answered within 3 rings", Measure.OFFERS_ANSWERED_WITHIN_RINGS),
                    of("offers answered, not answered, busy or unavailable", Measure.OFFERS)),
            "An offer's ring runs from DialBegin to DialEnd, exactly 9 s is within; offers the caller abandoned or the hotline"
                    + " withdrew are in neither part, callback and campaign legs are not offers."),
    RING_NO_ANSWER("ringNoAnswer", Unit.COUNT, new Label("Agent rings not answered", "坐席振铃未接"),
            total(of("offers the agent let ring out", Measure.RING_NO_ANSWER)),
            "Offers that ended NOANSWER; busy and unavailable phones, callers hanging up and withdrawn rings are not counted."),
    SERVICE_LEVEL_ANSWERED("serviceLevel.answered", Unit.RATIO, new Label("Service level (answered)", "服务水平（接听）"),
            share(of("answered within T", Measure.ANSWERED_WITHIN_SL),
                    of("answered by an agent", Measure.AGENT_ANSWERED)),
            "Wait from joining the queue to the agent's answer at most T (20 s, exactly T is within); abandons are in neither part."),
    // ABANDONED_WITHIN_SL counts short abandons too; every short abandon is within T (ReportRules keeps
    // the short-abandon time at most T), so taking them away leaves the long abandons within T.
    SERVICE_LEVEL_ANSWERED_AND_ABANDONED("serviceLevel.answeredAndAbandoned", Unit.RATIO,
            new Label("Service level (answered + abandoned)", "服务水平（接听 + 放弃）"),
            share(of("answered or abandoned (not short) within T", Measure.ANSWERED_WITHIN_SL, Measure.ABANDONED_WITHIN_SL)
                            .less(Measure.SHORT_ABANDONED),
                    of("answered or abandoned (not short)", Measure.AGENT_ANSWERED, Measure.ABANDONED)),
            "As answered, but callers who hung up after the short-abandon time count too (within T if they hung up within T);"
                    + " short abandons are in neither part."),
    SERVICE_LEVEL_QUEUED("serviceLevel.queued", Unit.RATIO, new Label("Service level (left the queue)", "服务水平（离开队列）"),
            share(of("left the queue within T", Measure.REMOVED_WITHIN_SL), of("queued", Measure.QUEUED)),
            "Queued calls that left the queue within T: answered, abandoned (short ones too) or asked for a callback."),
    ASA("asaSeconds", Unit.SECONDS, new Label("Average speed of answer", "平均应答时长"),
            mean(of("waits from joining the queue to the agent's answer", Measure.WAIT_MS),
                    of("answered by an agent", Measure.AGENT_ANSWERED)),
            "The wait runs from joining the queue to the agent's answer (DialEnd ANSWER); abandons are not in it."),
    AHT("ahtSeconds", Unit.SECONDS, new Label("Average handling time", "平均处理时长"),
            mean(of("talk and wrap-up time", Measure.TALK_MS, Measure.WRAP_UP_MS), of("conversations", Measure.TALKS)),
            "Talk (caller's BridgeEnter to BridgeLeave) plus the wrap-up after it; the hotline has no hold."),
    ABANDONMENT("abandonment", Unit.RATIO, new Label("Abandonment rate", "放弃率"),
            share(of("abandoned (not short)", Measure.ABANDONED),
                    of("queued, short abandons left out", Measure.QUEUED).less(Measure.SHORT_ABANDONED)),
            "Short abandons are in neither part; a caller who hangs up while an agent's phone rings has abandoned."),
    TALK_WITHIN_TARGET("talkWithin3Minutes", Unit.RATIO, new Label("Talk within 3 minutes", "通话三分钟内"),
            share(of("conversations of at most 3 minutes", Measure.TALK_WITHIN_TARGET), of("conversations", Measure.TALKS)),
            "A conversation of exactly 3 minutes is within."),
    TALK_OVER_LIMIT("talkOver5Minutes", Unit.COUNT, new Label("Talks over 5 minutes", "通话超五分钟"),
            total(of("conversations longer than 5 minutes", Measure.TALK_OVER_LIMIT)),
            "Conversations longer than 5 minutes; exactly 5 minutes is not over."),
    CALLBACKS_WITHIN_DEADLINE("callbacksWithinDeadline", Unit.RATIO, new Label("Callbacks in time", "按时回访"),
            share(of("reached by the deadline", Measure.CALLBACK_WITHIN_DEADLINE),
                    of("callbacks requested", Measure.CALLBACK_REQUESTED)),
            "A request not reached yet counts as not in time until it is; reached exactly at the deadline is in time."),
    CASES_REPLIED_WITHIN_DEADLINE("casesRepliedWithinDeadline", Unit.RATIO,
            new Label("Cases answered by their deadline", "工单按时答复"),
            share(elsewhere("customers answered by the deadline"), elsewhere("cases due in the period and decided")),
            "From the case file, not the calls: cases due in the period that were answered or are past their deadline;"
                    + " none for a queue."),
    CSAT_AVERAGE("csat.average", Unit.SCORE, new Label("Satisfaction (average score)", "满意度（平均分）"),
            mean(of("sum of the scores", Measure.SURVEY_SCORE_SUM), of("surveys answered", Measure.SURVEYS)),
            "The mean of the 1–5 scores callers gave."),
    CSAT_AT_LEAST_4("csat.atLeast4", Unit.RATIO, new Label("Satisfied (score 4 or 5)", "满意（4–5 分）"),
            share(of("scores of 4 or 5", Measure.SURVEY_4, Measure.SURVEY_5), of("surveys answered", Measure.SURVEYS)),
            "Scores of 4 or 5 among the surveys answered."),
    CSAT_DISTRIBUTION("csat.distribution", Unit.COUNT, new Label("Scores 1 to 5", "评分分布（1–5 分）"),
            spread(of("surveys scored 1, 2, 3, 4, 5", Measure.SURVEY_1, Measure.SURVEY_2, Measure.SURVEY_3,
                    Measure.SURVEY_4, Measure.SURVEY_5)),
            "How many surveys were answered with each score, 1 first."),
    SURVEY_RESPONSE_RATE("csat.responseRate", Unit.RATIO, new Label("Survey response rate", "满意度调查回复率"),
            share(of("surveys answered", Measure.SURVEYS), of("surveys offered", Measure.SURVEYS_OFFERED)),
            "Surveys answered of those offered (the agent hung up first and the caller was still there to be asked);"
                    + " calls never asked are in neither part."),
    OCCUPANCY("occupancy", Unit.RATIO, new Label("Occupancy", "占用率"),
            share(of("time on calls and in wrap-up", Measure.ON_CALL_MS, Measure.AGENT_WRAP_UP_MS),
                    of("time ready, ringing, on calls and in wrap-up", Measure.READY_MS, Measure.OFFERED_MS,
                            Measure.ON_CALL_MS, Measure.AGENT_WRAP_UP_MS)),
            "Agents' time (in ms, cut at every hour) from the floor's state changes; paused and logged-out time are in neither part."),
    PAUSED_BREAK("pausedSeconds.break", Unit.SECONDS, new Label("Paused: break", "暂停：休息"),
            total(of("time paused for a break", Measure.PAUSED_BREAK_MS)), "Agents' time paused for a break."),
    PAUSED_TRAINING("pausedSeconds.training", Unit.SECONDS, new Label("Paused: training", "暂停：培训"),
            total(of("time paused for training", Measure.PAUSED_TRAINING_MS)), "Agents' time paused for training."),
    PAUSED_ADMIN("pausedSeconds.admin", Unit.SECONDS, new Label("Paused: admin", "暂停：事务"),
            total(of("time paused for admin", Measure.PAUSED_ADMIN_MS)), "Agents' time paused for admin work."),
    PAUSED_RING_NO_ANSWER("pausedSeconds.ring-no-answer", Unit.SECONDS, new Label("Paused: ring not answered", "暂停：未接振铃"),
            total(of("time paused by the hotline after a ring not answered", Measure.PAUSED_RING_NO_ANSWER_MS)),
            "Time an agent was paused by the hotline after letting a ring out, until they made themselves ready.");

    /** What a figure is measured in. */
    public enum Unit {
        COUNT, RATIO, SECONDS, SCORE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A figure's name in the product's two languages. */
    public record Label(String en, String zh) {

        /** @param language {@code en} or {@code zh} (anything else: English) */
        public String in(String language) {
            return "zh".equals(language) ? zh : en;
        }
    }

    private final String id;
    private final Unit unit;
    private final Label label;
    private final Formula formula;
    private final String rule;

    Figure(String id, Unit unit, Label label, Formula formula, String rule) {
        this.id = id;
        this.unit = unit;
        this.label = label;
        this.formula = formula;
        this.rule = rule;
    }

    /** The name in the API's JSON, dotted where nested ({@code serviceLevel.answered}). */
    public String id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    public Label label() {
        return label;
    }

    public Formula formula() {
        return formula;
    }

    /** The edge rules in one sentence. */
    public String rule() {
        return rule;
    }

    public static Optional<Figure> byId(String id) {
        for (Figure figure : values()) {
            if (figure.id.equals(id)) {
                return Optional.of(figure);
            }
        }
        return Optional.empty();
    }

    public long count(Tally tally) {
        return formula.total(tally);
    }

    public Ratio ratio(Tally tally) {
        return formula.share(tally);
    }

    /** A time: a mean (ASA, AHT) or a total (paused); empty with nothing to average. */
    public Optional<Duration> duration(Tally tally) {
        if (formula.shape() == Formula.Shape.TOTAL) {
            return Optional.of(Duration.ofMillis(formula.total(tally)));
        }
        OptionalDouble millis = formula.mean(tally);
        return millis.isPresent() ? Optional.of(Duration.ofMillis(Math.round(millis.getAsDouble()))) : Optional.empty();
    }

    public OptionalDouble average(Tally tally) {
        return formula.mean(tally);
    }

    /** A spread's counts, one per measure of its numerator. */
    public List<Long> counts(Tally tally) {
        return formula.spread(tally);
    }
}
