package org.hotline.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hotline.call.Printable;
import org.hotline.customer.Customer;
import org.hotline.customer.PhoneNumbers;
import org.hotline.routing.AgentId;
import org.hotline.store.CustomerPage;
import org.hotline.store.MongoCustomerFile;

/**
 * The customer file: {@code GET /api/customers?after=&limit=} (by number, a page at a time),
 * {@code GET|PUT|DELETE /api/customers/{number}}. The number in the path may be written any way
 * a caller's number is ({@code +8613800138000}, {@code 138 0013 8000}); it is normalised to
 * E.164 before it reaches the store. PUT takes {@code {"name", "vip", "advisor", "note"}}; an
 * advisor must be an agent of the roster.
 */
public final class CustomersResource {

    static final int DEFAULT_LIMIT = 50;
    /** A name and a note at their longest, in any script, fit well inside. */
    private static final int BODY_LIMIT = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("number", "name", "vip", "advisor", "note");

    private final Vertx vertx;
    private final MongoCustomerFile customers;
    private final PhoneNumbers numbers;
    private final Predicate<AgentId> knownAgent;

    /** @param knownAgent whether an ID is an agent of the roster (a VIP's advisor must be one) */
    public CustomersResource(Vertx vertx, MongoCustomerFile customers, PhoneNumbers numbers, Predicate<AgentId> knownAgent) {
        this.vertx = vertx;
        this.customers = customers;
        this.numbers = numbers;
        this.knownAgent = knownAgent;
    }

    void mount(Router router) {
        router.get("/api/customers").handler(this::list);
        router.get("/api/customers/:number").handler(this::one);
        router.put("/api/customers/:number").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::put);
        router.delete("/api/customers/:number").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        String after;
        int limit;
        try {
            after = after(ctx);
            limit = limit(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        blocking(ctx, () -> customers.list(after, limit), (CustomerPage page) -> {
            JsonArray list = new JsonArray();
            page.customers().forEach(customer -> list.add(json(customer)));
            Responses.json(ctx.response(), 200, new JsonObject()
                    .put("count", list.size())
                    .put("customers", list)
                    .put("next", page.next()));
        });
    }

    private void one(RoutingContext ctx) {
        String number = number(ctx);
        if (number != null) {
            blocking(ctx, () -> customers.find(number), found -> {
                if (found.isEmpty()) {
                    new ApiError(404, "no customer " + number).send(ctx.response());
                } else {
                    Responses.json(ctx.response(), 200, json(found.get()));
                }
            });
        }
    }

    private void put(RoutingContext ctx) {
        String number = number(ctx);
        if (number == null) {
            return;
        }
        Customer customer;
        try {
            customer = customer(number, body(ctx));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        blocking(ctx, () -> customers.put(customer), created -> Responses.json(ctx.response(), created ? 201 : 200, json(customer)));
    }

    private void delete(RoutingContext ctx) {
        String number = number(ctx);
        if (number != null) {
            blocking(ctx, () -> customers.delete(number), deleted -> {
                if (deleted) {
                    ctx.response().setStatusCode(204).putHeader("cache-control", "no-store").end();
                } else {
                    new ApiError(404, "no customer " + number).send(ctx.response());
                }
            });
        }
    }

    /** Runs a store call off the event loop (MongoDB's driver blocks) and answers with its result, or 503. */
    private <T> void blocking(RoutingContext ctx, Callable<T> call, Consumer<T> answer) {
        vertx.executeBlocking(call, false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "customer file unavailable: " + done.cause().getMessage()).send(ctx.response());
            } else {
                answer.accept(done.result());
            }
        });
    }

    private Customer customer(String number, JsonObject body) {
        for (String field : body.fieldNames()) {
            if (!FIELDS.contains(field)) {
                throw ApiError.badParameter(Printable.of(field), "unknown field (name, vip, advisor, note)");
            }
        }
        Object echoed = body.getValue("number");
        if (echoed != null && !(echoed instanceof String text && numbers.e164(text).filter(number::equals).isPresent())) {
            throw ApiError.badParameter("number", "differs from the number in the path");
        }
        String name = text(body, "name");
        if (name == null) {
            throw ApiError.badParameter("name", "is required");
        }
        Object vip = body.getValue("vip");
        if (vip != null && !(vip instanceof Boolean)) {
            throw ApiError.badParameter("vip", "true or false");
        }
        try {
            return new Customer(number, name, Boolean.TRUE.equals(vip), advisor(body), text(body, "note"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage()); // the message starts with the field's name
        }
    }

    private AgentId advisor(JsonObject body) {
        String id = text(body, "advisor");
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

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body != null) {
                return body;
            }
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        throw ApiError.badParameter("body", "expected JSON like {\"name\": \"陈先生\", \"vip\": true, \"advisor\": \"011\", \"note\": \"…\"}");
    }

    private static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw ApiError.badParameter(field, "expected text");
        }
        return (String) value;
    }

    /** The path's number, normalised; null after answering 400 when it is not a number. */
    private String number(RoutingContext ctx) {
        String number = numbers.e164(ctx.pathParam("number")).orElse(null);
        if (number == null) {
            ApiError.badParameter("number", "not a phone number (e.g. +8613800138000)").send(ctx.response());
        }
        return number;
    }

    private static String after(RoutingContext ctx) {
        String text = ctx.queryParams().get("after");
        if (text == null || text.isBlank()) {
            return null;
        }
        // an unencoded '+' arrives as a space: the digits are still the E.164 number
        String number = text.strip().matches("[0-9]{1,15}") ? "+" + text.strip() : text.strip();
        if (!Customer.isE164(number)) {
            throw ApiError.badParameter("after", "not a number from a previous page's 'next'");
        }
        return number;
    }

    private static int limit(RoutingContext ctx) {
        String text = ctx.queryParams().get("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MongoCustomerFile.MAX_LIMIT) {
            throw ApiError.badParameter("limit", "a whole number from 1 to " + MongoCustomerFile.MAX_LIMIT);
        }
        return Integer.parseInt(text);
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
