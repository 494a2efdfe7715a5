package org.hotline.http.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;

/**
 * Checks every request to a path of the HTTP contract ({@value #CONTRACT}, served by
 * {@link ContractResource}) before the resource sees it: path, query and header parameters and
 * JSON bodies. A request that does not match gets a 400 naming the parameter or body field
 * ({@code limit: a whole number from 1 to 500}); a path the contract does not describe goes on
 * untouched, and the router answers it.
 *
 * <p>As the resources read them, a blank query parameter counts as not given and values are read
 * without surrounding spaces. A JSON body is read here, within the operation's
 * {@code x-body-limit} (larger: 413, as the resources' own body handlers answer), so the resource
 * finds it read in {@code ctx.body()} and its body handler lets it pass. Forms (multipart uploads,
 * url-encoded) are left to the resource.
 *
 * <p>Parameters are checked on the event loop (a few short values); bodies, up to megabytes, on a
 * worker.
 */
public final class ContractCheck implements Resource {

    /** The contract on the classpath. */
    public static final String CONTRACT = "openapi/hotline.yaml";
    static final String BODY_LIMIT = "x-body-limit";
    private static final String JSON = "application/json";
    private static final String PENDING_BODY = ContractCheck.class.getName() + ".body";

    private final Vertx vertx;
    private final Buffer text;
    private final OpenAPIContract contract;
    private final Map<String, BodyHandler> jsonBodies = new HashMap<>();
    /** Made once: making one costs more than using it. They keep no state between uses, so workers share them. */
    private final Map<Object, Validator> validators = new IdentityHashMap<>();
    private final ParameterTransformer form = new FormTransformer();
    private final ParameterTransformer simple = new SimpleTransformer();
    private Router router;

    private ContractCheck(Vertx vertx, Buffer text, OpenAPIContract contract) {
        this.vertx = vertx;
        this.text = text;
        this.contract = contract;
        for (Operation operation : contract.operations()) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getStyle() != Style.FORM && parameter.getStyle() != Style.SIMPLE) {
                    throw new IllegalArgumentException(operation.getOperationId() + ": parameter " + parameter.getName()
                            + " has style " + parameter.getStyle() + ", only form (query) and simple (path, header) are checked");
                }
                validators.put(parameter, contract.getSchemaRepository().validator(parameter.getSchema()));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent().containsKey(JSON)) {
                jsonBodies.put(operation.getOperationId(), BodyHandler.create(false).setBodyLimit(bodyLimit(operation)));
                MediaType json = operation.getRequestBody().getContent().get(JSON);
                validators.put(json, contract.getSchemaRepository().validator(json.getSchema()));
            }
        }
    }

    /**
     * Reads and parses the contract; fails, naming what is wrong, when it is missing or not a
     * contract the check can hold requests to (start-up stops on it).
     */
    public static Future<ContractCheck> load(Vertx vertx) {
        return load(vertx, CONTRACT);
    }

    static Future<ContractCheck> load(Vertx vertx, String resource) {
        return vertx.executeBlocking(() -> {
                    Buffer text = read(resource);
                    return Map.entry(text, forValidation(parse(text)));
                }, false)
                .compose(read -> OpenAPIContract.from(vertx, read.getValue())
                        .map(contract -> new ContractCheck(vertx, read.getKey(), contract)))
                .recover(failure -> Future.failedFuture(new IllegalStateException(
                        "HTTP contract " + resource + " is broken: " + failure.getMessage(), failure)));
    }

    /** The contract as written, to serve. */
    Buffer text() {
        return text;
    }

    List<Operation> operations() {
        return contract.operations();
    }

    /** Checks what comes to {@code /api/…} on {@code router}, and serves the contract; mount it before the resources. */
    @Override
    public void mount(Router router) {
        this.router = router;
        router.route("/api/*").handler(this::parameters).handler(this::body);
        new ContractResource(text).mount(router);
    }

    /**
     * What the router this check is mounted on serves, written as the contract writes operations
     * ({@code GET /api/calls/{id}}), to hold the two together.
     */
    List<String> mountedRoutes() {
        return router.getRoutes().stream()
                .filter(route -> route.getPath() != null && route.methods() != null && !route.methods().isEmpty())
                .flatMap(route -> route.methods().stream().map(method -> method + " " + openApiPath(route)))
                .sorted().toList();
    }

    private static String openApiPath(Route route) {
        return route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
    }

    private void parameters(RoutingContext ctx) {
        Operation operation = contract.findOperation(ctx.normalizedPath(), ctx.request().method());
        if (operation == null) {
            ctx.next();
            return;
        }
        String problem = parameterProblem(operation, ctx);
        if (problem != null) {
            new ApiError(400, problem).send(ctx.response());
            return;
        }
        BodyHandler reader = jsonBodies.get(operation.getOperationId());
        if (reader == null || isForm(ctx.request())) {
            ctx.next();
            return;
        }
        ctx.put(PENDING_BODY, operation);
        reader.handle(ctx); // goes on to body() once the body is read, or fails with 413 past the limit
    }

    private void body(RoutingContext ctx) {
        Operation operation = ctx.get(PENDING_BODY);
        if (operation == null) {
            ctx.next();
            return;
        }
        Buffer body = ctx.body().buffer();
        vertx.executeBlocking(() -> bodyProblem(operation, body), false).onComplete(checked -> {
            if (checked.failed()) {
                ctx.fail(checked.cause());
            } else if (checked.result() != null) {
                new ApiError(400, checked.result()).send(ctx.response());
            } else {
                ctx.next();
            }
        });
    }

    /** The first parameter that does not match, as "name: what is wrong", or null. */
    private String parameterProblem(Operation operation, RoutingContext ctx) {
        for (Parameter parameter : operation.getParameters()) {
            String value = value(operation, parameter, ctx);
            if (value == null || value.isEmpty()) {
                if (parameter.isRequired()) {
                    return parameter.getName() + ": is required";
                }
                continue;
            }
            Object typed;
            if ("string".equals(parameter.getSchema().get("type"))) {
                typed = value; // as written: the library would read "010" or a call id "1795309200.17" as a number
            } else {
                try {
                    typed = (parameter.getStyle() == Style.FORM ? form : simple).transform(parameter, value);
                } catch (ValidatorException e) {
                    return parameter.getName() + ": not in the expected form";
                }
            }
            OutputUnit result = validators.get(parameter).validate(typed);
            if (!result.getValid()) {
                return new ContractProblem(parameter.getName(), parameter.getSchema(), typed, contract.getRawContract())
                        .describe(result);
            }
        }
        return null;
    }

    /** The parameter's value as the resources read it: stripped, null when absent. */
    private static String value(Operation operation, Parameter parameter, RoutingContext ctx) {
        String value = switch (parameter.getIn()) {
            case PATH -> pathSegment(operation, parameter, ctx.normalizedPath());
            case QUERY -> ctx.queryParams().get(parameter.getName());
            case HEADER -> ctx.request().getHeader(parameter.getName());
            case COOKIE -> {
                Cookie cookie = ctx.request().getCookie(parameter.getName());
                yield cookie == null ? null : cookie.getValue();
            }
        };
        return value == null ? null : value.strip();
    }

    private static String pathSegment(Operation operation, Parameter parameter, String path) {
        List<String> template = Arrays.asList(operation.getOpenAPIPath().split("/"));
        String[] segments = path.split("/");
        int at = template.indexOf("{" + parameter.getName() + "}");
        if (at < 0 || at >= segments.length) {
            return null;
        }
        try {
            // a path keeps '+' as it is (a phone number's); only %XX is decoded
            return URLDecoder.decode(segments[at].replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segments[at];
        }
    }

    /** What is wrong with a JSON body, or null; runs on a worker. */
    private String bodyProblem(Operation operation, Buffer body) {
        if (body == null || body.length() == 0) {
            return operation.getRequestBody().isRequired() ? "body: is required (JSON)" : null;
        }
        Object json;
        try {
            json = Json.decodeValue(body);
        } catch (DecodeException e) {
            return "body: not valid JSON";
        }
        MediaType media = operation.getRequestBody().getContent().get(JSON);
        OutputUnit result = validators.get(media).validate(json);
        return result.getValid() ? null
                : new ContractProblem(null, media.getSchema(), json, contract.getRawContract()).describe(result);
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
    }

    private static long bodyLimit(Operation operation) {
        Object limit = operation.getRequestBody().getExtensions().get(BODY_LIMIT);
        if (!(limit instanceof Number bytes) || bytes.longValue() < 1) {
            throw new IllegalArgumentException(operation.getOperationId() + ": a JSON request body needs "
                    + BODY_LIMIT + " (the largest body, in bytes)");
        }
        return bytes.longValue();
    }

    private static Buffer read(String resource) {
        try (InputStream in = ContractCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject parse(Buffer text) {
        try {
            return new JsonObject(new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(text.getBytes())));
        } catch (IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
    }

    /**
     * The contract as the validator takes it: it checks requests only, and refuses a response
     * written in a media type it cannot check (YAML, CSV, an event stream), so those are left out.
     */
    static JsonObject forValidation(JsonObject contract) {
        JsonObject copy = contract.copy();
        JsonObject paths = copy.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            for (Map.Entry<String, Object> operation : paths.getJsonObject(path)) {
                if (operation.getValue() instanceof JsonObject item
                        && item.getValue("responses") instanceof JsonObject responses) {
                    dropUncheckedMediaTypes(responses);
                }
            }
        }
        dropUncheckedMediaTypes(copy.getJsonObject("components", new JsonObject()).getJsonObject("responses", new JsonObject()));
        return copy;
    }

    private static void dropUncheckedMediaTypes(JsonObject responses) {
        for (String status : responses.fieldNames()) {
            if (responses.getValue(status) instanceof JsonObject response && response.getValue("content") instanceof JsonObject content) {
                new TreeSet<>(content.fieldNames()).stream().filter(type -> !MediaType.isMediaTypeSupported(type))
                        .forEach(content::remove);
            }
        }
    }
}
