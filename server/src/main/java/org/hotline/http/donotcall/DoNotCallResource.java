package org.hotline.http.donotcall;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Set;
import org.hotline.campaign.DoNotCallList.Entry;
import org.hotline.campaign.DoNotCallList;
import org.hotline.campaign.upload.ContactNumbers;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.NumberParameters;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.StoreCalls;
import org.hotline.shared.Printable;

/**
 * The do-not-call list: {@code GET /api/do-not-call?after=&limit=} (by number, a page at a time),
 * {@code GET|DELETE /api/do-not-call/{number}}, {@code POST /api/do-not-call} with
 * {@code {"number", "reason", "by"}}. Numbers may be written any way a contact list writes them;
 * they are normalised to E.164 as uploads are, so a listed number matches the upload's.
 */
public final class DoNotCallResource implements Resource {

    public static final int BODY_LIMIT = 4 * 1024;
    private static final Set<String> FIELDS = Set.of("number", "reason", "by");

    private final StoreCalls store;
    private final DoNotCallList list;
    private final ContactNumbers numbers;
    private final Clock clock;

    public DoNotCallResource(Vertx vertx, DoNotCallList list, ContactNumbers numbers, Clock clock) {
        this.store = new StoreCalls(vertx, "do-not-call list");
        this.list = list;
        this.numbers = numbers;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/do-not-call").handler(this::page);
        router.post("/api/do-not-call").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::add);
        router.get("/api/do-not-call/:number").handler(this::one);
        router.delete("/api/do-not-call/:number").handler(this::remove);
    }

    private void page(RoutingContext ctx) {
        String after;
        int limit;
        try {
            after = NumberParameters.after(ctx);
            limit = NumberParameters.limit(ctx, DoNotCallList.MAX_LIMIT);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        store.run(ctx, () -> list.list(after, limit), page -> {
            JsonArray entries = new JsonArray();
            page.entries().forEach(entry -> entries.add(json(entry)));
            Responses.json(ctx, 200, new JsonObject()
                    .put("count", entries.size())
                    .put("entries", entries)
                    .put("next", page.next()));
        });
    }

    private void add(RoutingContext ctx) {
        Entry entry;
        try {
            entry = entry(JsonBody.of(ctx, FIELDS, "{\"number\": \"13800138000\", \"reason\": \"customer asked\", \"by\": \"王组长\"}"));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        store.run(ctx, () -> list.add(entry) ? entry : list.find(entry.number()).orElse(entry), kept ->
                Responses.json(ctx, kept == entry ? 201 : 200, json(kept)));
    }

    private void one(RoutingContext ctx) {
        String number = NumberParameters.path(ctx, numbers::e164);
        if (number != null) {
            store.run(ctx, () -> list.find(number), found -> {
                if (found.isEmpty()) {
                    new ApiError(404, number + " is not on the do-not-call list").send(ctx.response());
                } else {
                    Responses.json(ctx, 200, json(found.get()));
                }
            });
        }
    }

    private void remove(RoutingContext ctx) {
        String number = NumberParameters.path(ctx, numbers::e164);
        if (number != null) {
            store.run(ctx, () -> list.remove(number), removed -> {
                if (removed) {
                    ctx.response().setStatusCode(204).putHeader("cache-control", "no-store").end();
                } else {
                    new ApiError(404, number + " is not on the do-not-call list").send(ctx.response());
                }
            });
        }
    }

    private Entry entry(JsonObject body) {
        String written = JsonBody.text(body, "number");
        if (written == null) {
            throw ApiError.badParameter("number", "is required");
        }
        String number = numbers.e164(written)
                .orElseThrow(() -> ApiError.badParameter("number", "not a phone number (e.g. +8613800138000): " + Printable.of(written)));
        try {
            return new Entry(number, JsonBody.text(body, "reason"), JsonBody.text(body, "by"), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage()); // the message starts with the field's name
        }
    }


    static JsonObject json(Entry entry) {
        return new JsonObject()
                .put("number", entry.number())
                .put("reason", entry.reason())
                .put("by", entry.by())
                .put("addedAt", entry.addedAt().toString());
    }
}
