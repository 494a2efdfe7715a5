package org.hotline.http.calls;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Optional;
import org.hotline.access.RecordingAccess;
import org.hotline.http.ApiError;
import org.hotline.http.AudioFile;
import org.hotline.http.Resource;
import org.hotline.http.Viewers;
import org.hotline.shared.CallId;
import org.hotline.store.CallRecord;
import org.hotline.store.CallRecords;
import org.hotline.telephony.RecordingFiles;

/**
 * {@code GET /api/calls/{id}/recording}: the recording of call {@code id}'s conversation, as a WAV
 * file, whole or a byte range of it; to those {@link RecordingAccess} lets play it. The file is found
 * by the checked call id alone.
 */
public final class CallRecordingResource implements Resource {

    private final Vertx vertx;
    private final CallRecords records;
    private final RecordingFiles files;
    private final RecordingAccess access;

    public CallRecordingResource(Vertx vertx, CallRecords records, RecordingFiles files, RecordingAccess access) {
        this.vertx = vertx;
        this.records = records;
        this.files = files;
        this.access = access;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/calls/:id/recording").handler(this::play);
    }

    private record Found(Optional<CallRecord> call, Optional<Path> file, long size) {
    }

    private void play(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!CallId.isValid(id)) {
            ApiError.badParameter("id", "not a call id").send(ctx.response());
            return;
        }
        CallId call = new CallId(id);
        vertx.executeBlocking(() -> {
            Optional<CallRecord> record = records.find(call);
            Optional<Path> file = record.isEmpty() ? Optional.empty() : files.pathOf(call);
            return new Found(record, file, file.map(AudioFile::size).orElse(-1L));
        }, false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "call records unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            Found found = done.result();
            if (found.call().isEmpty()) {
                new ApiError(404, "no call " + id).send(ctx.response());
            } else if (!Viewers.of(ctx).map(viewer -> access.mayPlay(viewer, found.call().get().agent())).orElse(false)) {
                new ApiError(403, "only supervisors play this call's recording").send(ctx.response());
            } else if (found.file().isEmpty() || found.size() < 0) {
                new ApiError(404, "no recording of call " + id + " (not recorded, or deleted: see its record)")
                        .send(ctx.response());
            } else {
                Viewers.audited(ctx, id);
                AudioFile.send(ctx, found.file().get(), found.size());
            }
        });
    }
}
