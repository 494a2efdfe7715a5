package org.hotline.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** A client error: the response names the parameter and what is wrong with it. */
public final class ApiError extends RuntimeException {

    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ApiError badParameter(String name, String problem) {
        return new ApiError(400, name + ": " + problem);
    }

    public void send(HttpServerResponse response) {
        Responses.json(response, status, new JsonObject().put("error", getMessage()));
    }
}
