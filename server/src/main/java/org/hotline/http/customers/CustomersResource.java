package org.hotline.http.customers;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.function.Predicate;
import org.hotline.customer.Customer;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.NumberParameters;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.StoreCalls;
import org.hotline.shared.AgentId;
import org.hotline.store.CustomerPage;
import org.hotline.store.MongoCustomerFile;

/**
 * The customer file: {@code GET /api/customers?after=&limit=} (by number, a page at a time),
 * {@code GET|PUT|DELETE /api/customers/{number}}. The number in the path may be written any way
 * a caller's number is ({@code +8613800138000}, {@code 138 0013 8000}); it is normalised to
 * E.164 before it reaches the store. PUT takes {@code {"name", "vip", "advisor", "note"}}; an
 * advisor must be an agent of the roster.
 */
public final class CustomersResource implements Resource {

    /** A name and a note at their longest, in any script, fit well inside. */
    public static final int BODY_LIMIT = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("number", "name", "vip", "advisor", "note");

    private final StoreCalls store;
    private final MongoCustomerFile customers;
    private final PhoneNumbers numbers;
    private final Predicate<AgentId> knownAgent;

    /** @param knownAgent whether an ID is an agent of the roster (a VIP's advisor must be one) */
    public CustomersResource(Vertx vertx, MongoCustomerFile customers, PhoneNumbers numbers, Predicate<AgentId> knownAgent) {
        this.store = new StoreCalls(vertx, "customer file");
        this.customers = customers;
        this.numbers = numbers;
        this.knownAgent = knownAgent;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/customers").handler(this::list);
        router.get("/api/customers/:number").handler(this::one);
        router.put("/api/customers/:number").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::put);
        router.delete("/api/customers/:number").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        String after;
        int limit;
        try {
            after = NumberParameters.after(ctx);
            limit = NumberParameters.limit(ctx, MongoCustomerFile.MAX_LIMIT);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        store.run(ctx, () -> customers.list(after, limit), (CustomerPage page) -> {
            JsonArray list = new JsonArray();
            page.customers().forEach(customer -> list.add(json(customer)));
            Responses.json(ctx, 200, new JsonObject()
                    .put("count", list.size())
                    .put("customers", list)
                    .put("next", page.next()));
        });
    }

    private void one(RoutingContext ctx) {
        String number = NumberParameters.path(ctx, numbers::e164);
        if (number != null) {
            store.run(ctx, () -> customers.find(number), found -> {
                if (found.isEmpty()) {
                    new ApiError(404, "no customer " + number).send(ctx.response());
                } else {
                    Responses.json(ctx, 200, json(found.get()));
                }
            });
        }
    }

    private void put(RoutingContext ctx) {
        String number = NumberParameters.path(ctx, numbers::e164);
        if (number == null) {
            return;
        }
        Customer customer;
        try {
            customer = customer(number, JsonBody.of(ctx, FIELDS,
                    "{\"name\": \"陈先生\", \"vip\": true, \"advisor\": \"011\", \"note\": \"…\"}"));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        store.run(ctx, () -> customers.put(customer), created -> Responses.json(ctx, created ? 201 : 200, json(customer)));
    }

    private void delete(RoutingContext ctx) {
        String number = NumberParameters.path(ctx, numbers::e164);
        if (number != null) {
            store.run(ctx, () -> customers.delete(number), deleted -> {
                if (deleted) {
                    ctx.response().setStatusCode(204).putHeader("cache-control", "no-store").end();
                } else {
                    new ApiError(404, "no customer " + number).send(ctx.response());
                }
            });
        }
    }

    private Customer customer(String number, JsonObject body) {
        Object echoed = body.getValue("number");
        if (echoed != null && !(echoed instanceof String text && numbers.e164(text).filter(number::equals).isPresent())) {
            throw ApiError.badParameter("number", "differs from the number in the path");
        }
        String name = JsonBody.text(body, "name");
        if (name == null) {
            throw ApiError.badParameter("name", "is required");
        }
        Object vip = body.getValue("vip");
        if (vip != null && !(vip instanceof Boolean)) {
            throw ApiError.badParameter("vip", "true or false");
        }
        try {
            return new Customer(number, name, Boolean.TRUE.equals(vip), advisor(body), JsonBody.text(body, "note"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage()); // the message starts with the field's name
        }
    }

    private AgentId advisor(JsonObject body) {
        String id = JsonBody.text(body, "advisor");
        if (id == null) {
            return null;
        }
        if (!AgentId.isValid(id)) {
            throw ApiError.badParameter("advisor", "not an agent ID");
        }
        if (!knownAgent.test(new AgentId(id))) {
            throw ApiError.badParameter("advisor", "no agent " + id);
        }
        return new AgentId(id);
    }


    static JsonObject json(Customer customer) {
        return new JsonObject()
                .put("number", customer.number())
                .put("name", customer.name())
                .put("vip", customer.vip())
                .put("advisor", customer.advisor() == null ? null : customer.advisor().value())
                .put("note", customer.note());
    }
}
