package org.hotline.http.campaigns;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.hotline.call.Notice;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.CampaignCommand;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignKind;
import org.hotline.campaign.Campaigns;
import org.hotline.campaign.Contact;
import org.hotline.campaign.ContactBook;
import org.hotline.campaign.ContactProgress;
import org.hotline.campaign.ContactStatus;
import org.hotline.campaign.NewContact;
import org.hotline.campaign.upload.ContactUpload;
import org.hotline.campaign.upload.UploadLimits;
import org.hotline.campaign.upload.UploadRefused;
import org.hotline.campaign.upload.UploadResult;
import org.hotline.customer.PhoneNumbers;
import org.hotline.floor.CampaignRunner;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.UploadDeadline;
import org.hotline.http.Viewers;
import org.hotline.prompts.PromptLibrary;
import org.hotline.store.CampaignContactSources;
import org.hotline.store.CampaignContacts;

/**
 * Outbound campaigns: {@code POST /api/campaigns} (a new campaign with its contacts),
 * {@code POST /api/campaigns/upload} (the same, its contacts from a CSV file),
 * {@code GET /api/campaigns}, {@code GET /api/campaigns/{id}} (with its progress),
 * {@code GET /api/campaigns/{id}/attempts} (the outbound call records, first 1,000), and
 * {@code POST /api/campaigns/{id}/start|pause|resume|stop}.
 */
public final class CampaignsResource implements Resource {

    /** 10,000 contacts of a few fields each fit well inside. */
    public static final int BODY_LIMIT = 4 * 1024 * 1024;
    private static final int MAX_ATTEMPTS_LISTED = 1_000;

    private final Vertx vertx;
    private final Campaigns campaigns;
    private final ContactBook book;
    private final CampaignContactSources sources;
    private final ContactUpload contactUpload;
    private final CampaignContacts uploadedContacts;
    private final Path uploads;
    private final CampaignRunner runner;
    private final PhoneNumbers numbers;
    private final Function<String, ZoneId> zoneOf;
    private final Path prompts;
    private final Clock clock;

    /** @param zoneOf the customer's time zone for an E.164 number */
    /**
     * @param uploads where uploaded files wait while they are read (deleted when the request ends)
     */
    public CampaignsResource(Vertx vertx, Campaigns campaigns, ContactBook book, CampaignContactSources sources,
                             ContactUpload contactUpload, CampaignContacts uploadedContacts, Path uploads,
                             CampaignRunner runner, PhoneNumbers numbers, Function<String, ZoneId> zoneOf, Path prompts, Clock clock) {
        this.vertx = vertx;
        this.sources = sources;
        this.contactUpload = contactUpload;
        this.uploadedContacts = uploadedContacts;
        // uploaded contact lists wait here: customers' numbers, the server's user's only (the files inside, made by
        // Vert.x with the umask's mode, cannot be reached through the directory)
        this.uploads = uploads == null ? null : org.hotline.config.OwnerOnly.directory(uploads);
        this.campaigns = campaigns;
        this.book = book;
        this.runner = runner;
        this.numbers = numbers;
        this.zoneOf = zoneOf;
        this.prompts = prompts;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/campaigns/upload").handler(new UploadDeadline()).handler(BodyHandler.create()
                .setBodyLimit(UploadLimits.standard().maxBytes() + 64 * 1024)
                .setUploadsDirectory(uploads.toString()).setDeleteUploadedFilesOnEnd(true)).handler(this::upload);
        router.post("/api/campaigns").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::create);
        router.get("/api/campaigns").handler(this::list);
        router.get("/api/campaigns/:id").handler(this::one);
        router.get("/api/campaigns/:id/attempts").handler(this::attempts);
        for (CampaignCommand command : CampaignCommand.values()) {
            router.post("/api/campaigns/:id/" + name(command)).handler(ctx -> command(ctx, command));
        }
    }

    private void create(RoutingContext ctx) {
        CampaignRequest request;
        Instant now = clock.instant();
        try {
            JsonObject body;
            try {
                body = ctx.body().asJsonObject();
            } catch (DecodeException e) {
                throw ApiError.badParameter("body", "not JSON");
            }
            if (body == null) {
                throw ApiError.badParameter("body", "a JSON object is required");
            }
            request = CampaignRequest.parse(body, numbers, now);
            checkMessage(request.campaign());
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        answer(ctx, runner.on(() -> {
            // Contacts first, then the campaign: a failure in between leaves no campaign, and its contacts are removed.
            // (Creations run one at a time on the runner's thread, so the check cannot race.)
            if (campaigns.find(request.campaign().id()).isPresent()) {
                throw new ApiError(409, "a campaign " + request.campaign().id() + " exists already");
            }
            List<NewContact> found = sources.contacts(request.source(), CampaignRequest.MAX_CONTACTS);
            if (found.isEmpty()) {
                throw ApiError.badParameter("source", "found nobody to call");
            }
            List<Contact> contacts = CampaignRequest.contacts(request.campaign(), found, zoneOf, now);
            try {
                int added = book.add(contacts);
                if (!campaigns.add(request.campaign())) {
                    throw new IllegalStateException("campaign " + request.campaign().id() + " appeared meanwhile");
                }
                return added;
            } catch (RuntimeException e) {
                book.remove(request.campaign().id());
                throw e;
            }
        }), added -> {
            Viewers.audited(ctx, "/api/campaigns/" + request.campaign().id().value());
            Responses.json(ctx, 201, json(request.campaign())
                .put("contacts", added)
                .put("rejected", new JsonArray(List.copyOf(request.rowErrors()))));
        });
    }

    /**
     * A campaign with its contacts from a CSV file: multipart form with {@code campaign} (the JSON
     * of {@code POST /api/campaigns} without contacts) and the file {@code contacts}. Per-row errors,
     * do-not-call numbers and the encoding read come back with the campaign.
     */
    private void upload(RoutingContext ctx) {
        UploadDeadline.received(ctx);
        Campaign campaign;
        Path file;
        Instant now = clock.instant();
        try {
            String json = ctx.request().getFormAttribute("campaign");
            if (json == null) {
                throw ApiError.badParameter("campaign", "a form field with the campaign's JSON is required");
            }
            JsonObject body;
            try {
                body = new JsonObject(json);
            } catch (DecodeException e) {
                throw ApiError.badParameter("campaign", "not JSON");
            }
            if (body.containsKey("contacts") || body.containsKey("source")) {
                throw ApiError.badParameter("campaign", "the contacts come from the uploaded file here");
            }
            campaign = CampaignRequest.campaign(body, now);
            checkMessage(campaign);
            List<io.vertx.ext.web.FileUpload> files = ctx.fileUploads().stream().filter(f -> f.name().equals("contacts")).toList();
            if (files.size() != 1) {
                throw ApiError.badParameter("contacts", "one CSV file is required");
            }
            file = Path.of(files.getFirst().uploadedFileName());
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        answer(ctx, runner.on(() -> {
            if (campaigns.find(campaign.id()).isPresent()) {
                throw new ApiError(409, "a campaign " + campaign.id() + " exists already");
            }
            UploadResult read;
            try {
                read = contactUpload.read(file, UploadLimits.standard());
            } catch (UploadRefused refused) {
                throw new ApiError(refused.tooLarge() ? 413 : 400, "contacts: " + refused.getMessage());
            }
            if (read.contacts().isEmpty()) {
                throw ApiError.badParameter("contacts", "nobody to call: " + read.summary());
            }
            CampaignContacts.WrittenContacts written;
            try {
                written = uploadedContacts.write(campaign.id().value(), read, now.plus(campaign.rules().deadline()));
                if (!campaigns.add(campaign)) {
                    throw new IllegalStateException("campaign " + campaign.id() + " appeared meanwhile");
                }
            } catch (RuntimeException e) {
                book.remove(campaign.id());
                throw e;
            }
            return Map.entry(read, written);
        }), done -> {
            UploadResult read = done.getKey();
            JsonArray rejected = new JsonArray();
            read.errors().forEach(error -> rejected.add(new JsonObject().put("row", error.row())
                    .put("column", error.column()).put("error", error.reason())));
            JsonArray listed = new JsonArray();
            read.doNotCall().forEach(skipped -> listed.add(new JsonObject().put("row", skipped.row())
                    .put("number", skipped.number())));
            Viewers.audited(ctx, "/api/campaigns/" + campaign.id().value());
            Responses.json(ctx, 201, json(campaign)
                    .put("contacts", done.getValue().written())
                    .put("encoding", read.encoding())
                    .put("rows", read.rows())
                    .put("rejected", rejected)
                    .put("doNotCall", listed)
                    .put("ignoredColumns", new JsonArray(read.ignoredColumns())));
        });
    }

    private void checkMessage(Campaign campaign) {
        if (campaign.kind() == CampaignKind.NOTIFICATION
                && !PromptLibrary.recordedInEveryLanguage(prompts, new Notice(campaign.message()))) {
            throw ApiError.badParameter("message", "no recording notice-" + campaign.message()
                    + ".wav in every language of the prompt library");
        }
    }

    private void list(RoutingContext ctx) {
        answer(ctx, runner.on(() -> campaigns.list(100)), list -> {
            JsonArray array = new JsonArray();
            list.forEach(campaign -> array.add(json(campaign)));
            Responses.json(ctx, 200, new JsonObject().put("campaigns", array));
        });
    }

    private void one(RoutingContext ctx) {
        CampaignId id = id(ctx);
        if (id == null) {
            return;
        }
        answer(ctx, runner.on(() -> campaigns.find(id).map(campaign -> Map.entry(campaign, book.progress(id)))), found -> {
            if (found.isEmpty()) {
                new ApiError(404, "no campaign " + id).send(ctx.response());
                return;
            }
            Responses.json(ctx, 200, json(found.get().getKey()).put("progress", json(found.get().getValue())));
        });
    }

    private void attempts(RoutingContext ctx) {
        CampaignId id = id(ctx);
        if (id == null) {
            return;
        }
        answer(ctx, runner.on(() -> book.attempts(id, MAX_ATTEMPTS_LISTED)), list -> {
            JsonArray array = new JsonArray();
            list.forEach(attempt -> array.add(new JsonObject()
                    .put("contact", attempt.contactId())
                    .put("number", attempt.number())
                    .put("attempt", attempt.attempt())
                    .put("agent", attempt.agent())
                    .put("startedAt", attempt.startedAt().toString())
                    .put("answeredAt", attempt.answeredAt() == null ? null : attempt.answeredAt().toString())
                    .put("endedAt", attempt.endedAt().toString())
                    .put("outcome", name(attempt.outcome()))
                    .put("surveyScore", attempt.surveyScore())));
            Responses.json(ctx, 200, new JsonObject().put("attempts", array));
        });
    }

    private void command(RoutingContext ctx, CampaignCommand command) {
        CampaignId id = id(ctx);
        if (id == null) {
            return;
        }
        answer(ctx, runner.command(id, command), campaign -> Responses.json(ctx, 200, json(campaign)));
    }

    static CampaignId id(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!CampaignId.isValid(id)) {
            ApiError.badParameter("id", "not a campaign id").send(ctx.response());
            return null;
        }
        return new CampaignId(id);
    }

    private <T> void answer(RoutingContext ctx, java.util.concurrent.CompletableFuture<T> work, java.util.function.Consumer<T> ok) {
        answer(vertx, ctx, work, ok);
    }

    /** Answers with {@code ok} once the store work is done, or with the error it ended in (409 conflict, 404 missing, 503 store away). */
    static <T> void answer(Vertx vertx, RoutingContext ctx, java.util.concurrent.CompletableFuture<T> work,
                           java.util.function.Consumer<T> ok) {
        Future.fromCompletionStage(work, vertx.getOrCreateContext()).onComplete(done -> {
            if (done.succeeded()) {
                ok.accept(done.result());
                return;
            }
            Throwable cause = done.cause() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : done.cause();
            switch (cause) {
                case ApiError error -> error.send(ctx.response());
                case IllegalStateException conflict -> new ApiError(409, conflict.getMessage()).send(ctx.response());
                case IllegalArgumentException missing -> new ApiError(404, missing.getMessage()).send(ctx.response());
                default -> new ApiError(503, "campaigns unavailable: " + cause.getMessage()).send(ctx.response());
            }
        });
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static JsonObject json(Campaign campaign) {
        var rules = campaign.rules();
        JsonObject retry = new JsonObject();
        rules.retries().waitAfter().forEach((outcome, wait) -> retry.put(name(outcome), wait.toMinutes()));
        return new JsonObject()
                .put("id", campaign.id().value())
                .put("name", campaign.name())
                .put("kind", name(campaign.kind()))
                .put("status", name(campaign.status()))
                .put("message", campaign.message().isEmpty() ? null : campaign.message())
                .put("createdAt", campaign.createdAt().toString())
                .put("rules", new JsonObject()
                        .put("window", new JsonObject().put("opens", rules.window().opens().toString())
                                .put("closes", rules.window().closes().toString())
                                .put("days", new JsonArray(rules.window().days().stream().sorted().map(CampaignsResource::name).toList())))
                        .put("maxAttempts", rules.retries().maxAttempts())
                        .put("retryAfterMinutes", retry)
                        .put("deadlineHours", rules.deadline().toHours())
                        .put("maxLines", rules.maxLines())
                        .put("callerId", rules.callerId())
                        .put("pacing", name(rules.pacing()))
                        .put("skill", rules.skill() == null ? null : rules.skill().name())
                        .put("inboundFirst", rules.inboundFirst())
                        .put("detectMachines", rules.detectMachines())
                        .put("recording", rules.recording().name().toLowerCase(java.util.Locale.ROOT)));
    }

    static JsonObject json(ContactProgress progress) {
        JsonObject contacts = new JsonObject();
        for (ContactStatus status : ContactStatus.values()) {
            contacts.put(name(status), progress.contacts().getOrDefault(status, 0L));
        }
        JsonObject attempts = new JsonObject();
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            attempts.put(name(outcome), progress.attempts().getOrDefault(outcome, 0L));
        }
        return new JsonObject().put("total", progress.total()).put("contacts", contacts).put("attempts", attempts)
                .put("reachedWithinDeadline", progress.reachedInTime());
    }
}
