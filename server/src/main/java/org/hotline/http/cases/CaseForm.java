package org.hotline.http.cases;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hotline.cases.CaseStatus;
import org.hotline.cases.NewCase;
import org.hotline.cases.Particulars;
import org.hotline.cases.Severity;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ApiError;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Printable;

/**
 * The bodies the cases API takes, checked field by field: unknown fields, wrong types, numbers
 * that are not phone numbers and agents not in the roster are an {@link ApiError} naming the field.
 */
final class CaseForm {

    private static final Set<String> PARTICULARS = Set.of("when", "where", "who", "what", "how", "contactPhone",
            "category", "severity", "by");
    private static final Set<String> OPENING = union(PARTICULARS, Set.of("call", "owner", "customer"));
    private static final Set<String> FOLLOW_UP = union(PARTICULARS, Set.of("call"));
    private static final Set<String> STATUS = Set.of("status", "from", "by", "note");

    private final PhoneNumbers numbers;
    private final Predicate<AgentId> knownAgent;

    CaseForm(PhoneNumbers numbers, Predicate<AgentId> knownAgent) {
        this.numbers = numbers;
        this.knownAgent = knownAgent;
    }

    /** A new case: the particulars, and where it comes from (a call, or an owner and customer). */
    NewCase opening(JsonObject body) {
        only(body, OPENING);
        return newCase(body, agent(body, "owner"), phone(body, "customer"));
    }

    /** A follow-up: the particulars; owner and customer are the original's. */
    NewCase followUp(JsonObject body) {
        only(body, FOLLOW_UP);
        return newCase(body, null, null);
    }

    /**
     * A status change.
     *
     * @param status the new status
     * @param from   the status the client saw, or null
     */
    record StatusChange(CaseStatus status, CaseStatus from, AgentId by, String note) {
    }

    StatusChange statusChange(JsonObject body) {
        only(body, STATUS);
        CaseStatus status = status(body, "status");
        if (status == null) {
            throw ApiError.badParameter("status", "is required (solution-ready, replied, closed)");
        }
        return new StatusChange(status, status(body, "from"), agent(body, "by"), text(body, "note"));
    }

    static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body != null) {
                return body;
            }
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        throw ApiError.badParameter("body", "expected a JSON object");
    }

    private NewCase newCase(JsonObject body, AgentId owner, String customer) {
        String severity = text(body, "severity");
        try {
            Particulars particulars = new Particulars(text(body, "when"), text(body, "where"), text(body, "who"),
                    text(body, "what"), text(body, "how"), required(phone(body, "contactPhone"), "contactPhone"));
            return new NewCase(particulars, required(text(body, "category"), "category"),
                    severity == null ? Severity.NORMAL : Severity.byId(severity).orElseThrow(() -> ApiError.badParameter(
                            "severity", "low, normal, high or urgent")),
                    call(body), owner, customer, agent(body, "by"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage()); // the domain's messages start with the field's name
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiError.badParameter(field, "is required");
        }
        return value;
    }

    private static CallId call(JsonObject body) {
        String id = text(body, "call");
        if (id == null) {
            return null;
        }
        if (!CallId.isValid(id)) {
            throw ApiError.badParameter("call", "not a call id");
        }
        return new CallId(id);
    }

    private AgentId agent(JsonObject body, String field) {
        String id = text(body, field);
        if (id == null) {
            return null;
        }
        if (!AgentId.isValid(id) || !knownAgent.test(new AgentId(id))) {
            throw ApiError.badParameter(field, "no agent " + Printable.of(id));
        }
        return new AgentId(id);
    }

    private String phone(JsonObject body, String field) {
        String number = text(body, field);
        if (number == null) {
            return null;
        }
        return numbers.e164(number).orElseThrow(() -> ApiError.badParameter(field, "not a phone number (e.g. +8613800138000)"));
    }

    private static CaseStatus status(JsonObject body, String field) {
        String id = text(body, field);
        if (id == null) {
            return null;
        }
        return CaseStatus.byId(id).orElseThrow(() -> ApiError.badParameter(field, "open, solution-ready, replied or closed"));
    }

    private static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw ApiError.badParameter(field, "expected text");
        }
        String text = (String) value;
        return text == null || text.isBlank() ? null : text;
    }

    private static void only(JsonObject body, Set<String> fields) {
        for (String field : body.fieldNames()) {
            if (!fields.contains(field)) {
                throw ApiError.badParameter(Printable.of(field), "unknown field (" + String.join(", ", new TreeSet<>(fields)) + ")");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
