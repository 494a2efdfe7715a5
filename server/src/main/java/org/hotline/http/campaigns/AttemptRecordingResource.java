package org.hotline.http.campaigns;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.access.RecordingAccess;
import org.hotline.campaign.AttemptRecord;
import org.hotline.campaign.AttemptRecording;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.Contact;
import org.hotline.campaign.ContactBook;
import org.hotline.http.ApiError;
import org.hotline.http.AudioFile;
import org.hotline.http.Resource;
import org.hotline.http.Viewers;

/**
 * {@code GET /api/campaigns/{id}/attempts/{contact}/{attempt}/recording}: the recording of one attempt of a
 * callback campaign, as a WAV file, whole or a byte range of it; to those {@link RecordingAccess} lets play
 * it (the agent of the attempt as the agent who answered a call). The file is found by the checked
 * contact id and attempt number alone, once the campaign's record of that attempt is found.
 */
public final class AttemptRecordingResource implements Resource {

    private final Vertx vertx;
    private final ContactBook book;
    private final Function<AttemptRecording, Optional<Path>> files;
    private final RecordingAccess access;

    /** @param files where an attempt's recording is on disk, if it is */
    public AttemptRecordingResource(Vertx vertx, ContactBook book, Function<AttemptRecording, Optional<Path>> files,
                                    RecordingAccess access) {
        this.vertx = vertx;
        this.book = book;
        this.files = files;
        this.access = access;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/campaigns/:id/attempts/:contact/:attempt/recording").handler(this::play);
    }

    private record Found(Optional<AttemptRecord> attempt, Optional<Path> file, long size) {
    }

    private void play(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String contact = ctx.pathParam("contact");
        String number = ctx.pathParam("attempt");
        if (!CampaignId.isValid(id)) {
            ApiError.badParameter("id", "not a campaign id").send(ctx.response());
            return;
        }
        if (!Contact.isValidId(contact)) {
            ApiError.badParameter("contact", "not a contact id").send(ctx.response());
            return;
        }
        if (!number.matches("[1-9][0-9]{0,5}")) {
            ApiError.badParameter("attempt", "an attempt's number, from 1").send(ctx.response());
            return;
        }
        AttemptRecording recording = new AttemptRecording(contact, Integer.parseInt(number));
        vertx.executeBlocking(() -> {
            Optional<AttemptRecord> attempt = book.attempt(new CampaignId(id), contact, recording.attempt());
            Optional<Path> file = attempt.isEmpty() ? Optional.empty() : files.apply(recording);
            return new Found(attempt, file, file.map(AudioFile::size).orElse(-1L));
        }, false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "campaign records unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            Found found = done.result();
            String what = "attempt " + recording.attempt() + " at contact " + contact + " of campaign " + id;
            if (found.attempt().isEmpty()) {
                new ApiError(404, "no " + what).send(ctx.response());
            } else if (!Viewers.of(ctx).map(viewer -> access.mayPlay(viewer, found.attempt().get().agent())).orElse(false)) {
                new ApiError(403, "only supervisors play this attempt's recording").send(ctx.response());
            } else if (found.file().isEmpty() || found.size() < 0) {
                new ApiError(404, "no recording of " + what + " (not recorded, or deleted)").send(ctx.response());
            } else {
                Viewers.audited(ctx, "/api/campaigns/" + id + "/attempts/" + contact + "/" + recording.attempt());
                AudioFile.send(ctx, found.file().get(), found.size());
            }
        });
    }
}
