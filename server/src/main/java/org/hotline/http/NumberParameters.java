package org.hotline.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.customer.Customer;

/** The phone number in a path, and the {@code after} and {@code limit} parameters of a list paged by number (customers, the do-not-call list). */
public final class NumberParameters {

    static final int DEFAULT_LIMIT = 50;

    private NumberParameters() {
    }

    /**
     * The path's {@code number}, normalised by {@code e164}; null after answering 400 when it is not a number.
     */
    public static String path(RoutingContext ctx, Function<String, Optional<String>> e164) {
        String number = e164.apply(ctx.pathParam("number")).orElse(null);
        if (number == null) {
            ApiError.badParameter("number", "not a phone number (e.g. +8613800138000)").send(ctx.response());
        }
        return number;
    }

    /** The number the page starts after, or null for the first page. */
    public static String after(RoutingContext ctx) {
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

    public static int limit(RoutingContext ctx, int max) {
        String text = ctx.queryParams().get("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > max) {
            throw ApiError.badParameter("limit", "a whole number from 1 to " + max);
        }
        return Integer.parseInt(text);
    }
}
