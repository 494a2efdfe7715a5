package org.hotline.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.hotline.shared.Printable;

/** Reads a request's JSON object body field by field; anything off is a 400 naming the field. */
public final class JsonBody {

    private JsonBody() {
    }

    /**
     * The body, with no field but {@code fields}.
     *
     * @param example a body as it should be, shown when the body is not a JSON object
     */
    public static JsonObject of(RoutingContext ctx, Set<String> fields, String example) {
        JsonObject body = null;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        if (body == null) {
            throw ApiError.badParameter("body", "expected JSON like " + example);
        }
        for (String field : body.fieldNames()) {
            if (!fields.contains(field)) {
                throw ApiError.badParameter(Printable.of(field), "unknown field (" + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
        return body;
    }

    /** A text field, or null when absent. */
    public static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw ApiError.badParameter(field, "expected text");
        }
        return (String) value;
    }
}
