package org.hotline.http.cases;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hotline.cases.Case;
import org.hotline.cases.CaseId;
import org.hotline.cases.CaseStatus;
import org.hotline.cases.CaseWorkers;
import org.hotline.cases.Casework;
import org.hotline.cases.IllegalCaseChange;
import org.hotline.cases.NewCase;
import org.hotline.cases.NoSuchCase;
import org.hotline.cases.NotYourCase;
import org.hotline.cases.TeamLeads;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.shared.AgentId;
import org.hotline.store.MongoCases;
import org.hotline.shared.PageCursor;

/**
 * The case file: {@code POST /api/cases} opens a case, {@code GET /api/cases/{id}} reads one,
 * {@code GET /api/cases?status=&owner=&customer=&limit=&after=} lists them by opening,
 * {@code POST /api/cases/{id}/status} moves one on, {@code POST /api/cases/{id}/follow-ups} opens a
 * follow-up, and {@code GET /api/cases/overdue} and {@code /due-soon} list what needs a reply first.
 * Every store call runs off the event loop.
 */
public final class CasesResource implements Resource {

    static final int DEFAULT_LIMIT = 50;
    /** The particulars at their longest, in any script, fit well inside. */
    public static final int BODY_LIMIT = 32 * 1024;

    private final Vertx vertx;
    private final Casework casework;
    private final MongoCases cases;
    private final CaseForm form;
    private final PhoneNumbers numbers;
    private final Predicate<AgentId> knownAgent;
    private final CaseWorkers workers;
    private final Clock clock;

    /** Without a roster's team leads: agents work only on their own cases. */
    public CasesResource(Vertx vertx, Casework casework, MongoCases cases, PhoneNumbers numbers, Predicate<AgentId> knownAgent,
                         Clock clock) {
        this(vertx, casework, cases, numbers, knownAgent, new CaseWorkers(new TeamLeads(List.of())), clock);
    }

    /** @param knownAgent whether an ID is an agent of the roster (owners and those who make changes must be) */
    public CasesResource(Vertx vertx, Casework casework, MongoCases cases, PhoneNumbers numbers, Predicate<AgentId> knownAgent,
                         CaseWorkers workers, Clock clock) {
        this.vertx = vertx;
        this.workers = workers;
        this.casework = casework;
        this.cases = cases;
        this.form = new CaseForm(numbers, knownAgent);
        this.numbers = numbers;
        this.knownAgent = knownAgent;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create().setBodyLimit(BODY_LIMIT);
        router.post("/api/cases").handler(body).handler(this::open);
        router.get("/api/cases").handler(this::list);
        router.get("/api/cases/overdue").handler(ctx -> due(ctx, true));
        router.get("/api/cases/due-soon").handler(ctx -> due(ctx, false));
        router.get("/api/cases/:id").handler(this::one);
        router.post("/api/cases/:id/status").handler(body).handler(this::status);
        router.post("/api/cases/:id/follow-ups").handler(body).handler(this::followUp);
    }

    private void open(RoutingContext ctx) {
        NewCase request;
        try {
            request = actingAsViewer(ctx, form.opening(CaseForm.body(ctx)));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        blocking(ctx, () -> casework.open(request), opened -> Responses.json(ctx, 201, json(opened)));
    }

    private void followUp(RoutingContext ctx) {
        CaseId original;
        NewCase request;
        try {
            original = id(ctx);
            request = actingAsViewer(ctx, form.followUp(CaseForm.body(ctx)));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        var self = Viewers.onlyAgent(ctx);
        blocking(ctx, () -> casework.followUp(mayWorkOn(original, self), request), opened -> Responses.json(ctx, 201, json(opened)));
    }

    private void status(RoutingContext ctx) {
        CaseId id;
        CaseForm.StatusChange change;
        try {
            id = id(ctx);
            change = form.statusChange(CaseForm.body(ctx));
            if (!viewerMayActAs(ctx, change.by()) || (Viewers.onlyAgent(ctx).isPresent() && change.by() == null)) {
                throw new ApiError(403, "an agent changes cases as themselves ('by')");
            }
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        var self = Viewers.onlyAgent(ctx);
        blocking(ctx, () -> casework.move(mayWorkOn(id, self), change.status(), change.from(), change.by(), change.note()),
                moved -> Responses.json(ctx, 200, json(moved)));
    }

    private void one(RoutingContext ctx) {
        CaseId id;
        try {
            id = id(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        var self = Viewers.onlyAgent(ctx);
        blocking(ctx, () -> {
            Case found = cases.find(id).orElseThrow(() -> new NoSuchCase(id));
            if (self.isPresent() && !workers.include(found, self.get())) {
                throw new NotYourCase(found);
            }
            return found;
        }, found -> Responses.json(ctx, 200, json(found)));
    }

    private void list(RoutingContext ctx) {
        MongoCases.Filter filter;
        int limit;
        PageCursor after;
        try {
            filter = ownCasesOfAgents(ctx, filter(ctx));
            limit = limit(ctx);
            after = after(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        blocking(ctx, () -> cases.list(filter, limit, after), page -> Responses.json(ctx, 200, new JsonObject()
                .put("count", page.cases().size())
                .put("cases", array(page.cases()))
                .put("next", page.next() == null ? null : page.next().encode())));
    }

    /** Overdue (longest overdue first) or due soon (nearest deadline first). */
    private void due(RoutingContext ctx, boolean overdue) {
        int limit;
        try {
            limit = limit(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        Instant now = clock.instant();
        blocking(ctx, () -> overdue ? cases.overdue(now, limit) : cases.dueSoon(now, casework.deadlines().dueSoon(), limit),
                found -> Responses.json(ctx, 200, new JsonObject()
                        .put("at", now.toString())
                        .put("count", found.size())
                        .put("cases", array(found))));
    }

    private MongoCases.Filter filter(RoutingContext ctx) {
        String status = param(ctx, "status");
        String owner = param(ctx, "owner");
        String customer = param(ctx, "customer");
        if (owner != null && (!AgentId.isValid(owner) || !knownAgent.test(new AgentId(owner)))) {
            throw ApiError.badParameter("owner", "no such agent");
        }
        return new MongoCases.Filter(
                status == null ? null : CaseStatus.byId(status).orElseThrow(() -> ApiError.badParameter("status",
                        "open, solution-ready, replied or closed")),
                owner == null ? null : new AgentId(owner),
                customer == null ? null : numbers.e164(customer).orElseThrow(() -> ApiError.badParameter("customer",
                        "not a phone number (write its + as %2B)")));
    }

    /** An agent lists only their own cases. */
    private static MongoCases.Filter ownCasesOfAgents(RoutingContext ctx, MongoCases.Filter filter) {
        var self = Viewers.onlyAgent(ctx);
        if (self.isEmpty()) {
            return filter;
        }
        if (filter.owner() != null && !filter.owner().equals(self.get())) {
            throw new ApiError(403, "an agent may list only their own cases");
        }
        return new MongoCases.Filter(filter.status(), self.get(), filter.customer());
    }

    /** An agent opens cases as themselves: 'by' (and an explicit owner) must be the agent, and 'by' defaults to them. */
    private static NewCase actingAsViewer(RoutingContext ctx, NewCase request) {
        var self = Viewers.onlyAgent(ctx);
        if (self.isEmpty()) {
            return request;
        }
        if (!viewerMayActAs(ctx, request.by()) || (request.owner() != null && !request.owner().equals(self.get()))) {
            throw new ApiError(403, "an agent opens cases as themselves ('by', 'owner')");
        }
        return new NewCase(request.particulars(), request.category(), request.severity(), request.call(), request.owner(),
                request.customer(), self.get());
    }

    /** The case's ID when the agent (if the viewer is only one) may work on it; blocking. */
    private CaseId mayWorkOn(CaseId id, java.util.Optional<AgentId> agent) {
        if (agent.isPresent()) {
            Case found = cases.find(id).orElseThrow(() -> new NoSuchCase(id));
            if (!workers.include(found, agent.get())) {
                throw new NotYourCase(found);
            }
        }
        return id;
    }

    private static boolean viewerMayActAs(RoutingContext ctx, AgentId agent) {
        return Viewers.onlyAgent(ctx).map(self -> agent == null || self.equals(agent)).orElse(true);
    }

    private static CaseId id(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!CaseId.isValid(id)) {
            throw ApiError.badParameter("id", "not a case number (e.g. 20261122-4F7K2Q)");
        }
        return new CaseId(id);
    }

    private static int limit(RoutingContext ctx) {
        String text = param(ctx, "limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MongoCases.MAX_LIMIT) {
            throw ApiError.badParameter("limit", "a whole number from 1 to " + MongoCases.MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }

    private static PageCursor after(RoutingContext ctx) {
        String text = param(ctx, "after");
        if (text == null) {
            return null;
        }
        try {
            return PageCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("after", "not a cursor from a previous page");
        }
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 40) {
            throw ApiError.badParameter(name, "too long");
        }
        return value.strip();
    }

    private JsonArray array(List<Case> found) {
        JsonArray list = new JsonArray();
        Instant now = clock.instant();
        found.forEach(c -> list.add(CaseJson.of(c, casework.deadlines(), now)));
        return list;
    }

    private JsonObject json(Case c) {
        return CaseJson.of(c, casework.deadlines(), clock.instant());
    }

    /** Runs casework or a store call off the event loop; what it refuses is answered 400, 404 or 409, MongoDB away 503. */
    private <T> void blocking(RoutingContext ctx, Callable<T> call, Consumer<T> answer) {
        vertx.executeBlocking(call, false).onComplete(done -> {
            if (done.succeeded()) {
                answer.accept(done.result());
                return;
            }
            Throwable cause = done.cause();
            ApiError error = switch (cause) {
                case NoSuchCase none -> new ApiError(404, none.getMessage());
                case IllegalCaseChange refused -> new ApiError(409, refused.getMessage());
                case NotYourCase refused -> new ApiError(403, refused.getMessage());
                case IllegalArgumentException bad -> new ApiError(400, bad.getMessage());
                default -> new ApiError(503, "case file unavailable: " + cause.getMessage());
            };
            error.send(ctx.response());
        });
    }
}
