package org.hotline.server;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.hotline.access.RecordingAccess;
import org.hotline.call.MessageRetentionSweep;
import org.hotline.call.RecordingSweep;
import org.hotline.campaign.AttemptRecordingSweep;
import org.hotline.campaign.ContactBook;
import org.hotline.config.HotlineConfig;
import org.hotline.http.DegradedPart;
import org.hotline.http.Resource;
import org.hotline.http.agents.RecordingPauseResource;
import org.hotline.http.calls.CallRecordingResource;
import org.hotline.http.campaigns.AttemptRecordingResource;
import org.hotline.http.calls.RecordingSweepResource;
import org.hotline.metrics.RecordingMeters;
import org.hotline.store.MongoDeletedMessages;
import org.hotline.store.MongoAttemptRecordings;
import org.hotline.store.MongoRecordings;
import org.hotline.telephony.MessageFiles;
import org.hotline.telephony.RecordingFiles;
import org.hotline.telephony.ami.MixMonitorPauses;

/** The calls' recordings: their files, the retention sweep on a timer (the callers' messages' too), their disk use, and their HTTP resources. */
final class RecordingsModule {

    /** How often the disk use on health and the metrics is measured again. */
    private static final long MEASURE_EVERY_MS = 30_000;

    private final RecordingFiles files;
    private final RecordingSweep sweep;
    private final AttemptRecordingSweep attempts;
    private final RecordingMeters meters;

    private RecordingsModule(RecordingFiles files, RecordingSweep sweep, AttemptRecordingSweep attempts, RecordingMeters meters) {
        this.files = files;
        this.sweep = sweep;
        this.attempts = attempts;
        this.meters = meters;
    }

    static RecordingsModule start(Platform platform, StoreModule stored, RecordsModule records) {
        HotlineConfig.Recordings config = platform.config().recordings();
        Vertx vertx = platform.vertx();
        RecordingFiles files = new RecordingFiles(config.directory());
        files.prepare();
        RecordingSweep sweep = new RecordingSweep(config.rules(), new MongoRecordings(stored.store().calls()), files,
                records.journal(), platform.clock());
        HotlineConfig.Messages messages = platform.config().callbacks().messages();
        MessageRetentionSweep messageSweep = new MessageRetentionSweep(messages.retention(), new MessageFiles(messages.directory()),
                new MongoDeletedMessages(stored.store().calls()), platform.clock());
        AttemptRecordingSweep attempts = new AttemptRecordingSweep(config.rules().retention(),
                new MongoAttemptRecordings(stored.store().campaignAttempts()), files::delete, platform.clock());
        RecordingMeters meters = new RecordingMeters(files::diskUse, platform.meters());
        meters.refresh();
        long measuring = vertx.setPeriodic(MEASURE_EVERY_MS, tick -> vertx.executeBlocking(meters::refresh, false));
        long sweeping = vertx.setPeriodic(config.sweepEvery().toMillis(), tick -> vertx.executeBlocking(() -> {
            sweep.sweep();
            messageSweep.sweep(); // the callers' messages, on the recordings' timer
            attempts.sweep();
            return meters.refresh();
        }, false));
        platform.parts().push(() -> {
            vertx.cancelTimer(measuring);
            vertx.cancelTimer(sweeping);
        });
        return new RecordingsModule(files, sweep, attempts, meters);
    }

    /** Health's part: the recordings' disk use as last measured. */
    DegradedPart health() {
        return DegradedPart.of(() -> true, () -> "", () -> Map.of("diskBytes", meters.diskBytes()));
    }

    /** The recordings' resources, mounted together: playing one, pausing it, sweeping now. */
    Resource resources(Platform platform, RecordsModule records, TelephonyModule telephony, ContactBook campaignAttempts) {
        Vertx vertx = platform.vertx();
        RecordingAccess access = new RecordingAccess(platform.config().recordings().rules().agentsPlayOwn());
        List<Resource> each = List.of(
                new CallRecordingResource(vertx, records.callRecords(), files, access),
                new AttemptRecordingResource(vertx, campaignAttempts, files::pathOf, access),
                new RecordingPauseResource(vertx, new MixMonitorPauses(telephony.nodes())),
                new RecordingSweepResource(vertx, () -> {
                    int deleted = sweep.sweep() + this.attempts.sweep();
                    meters.refresh();
                    return deleted;
                }));
        return router -> each.forEach(resource -> resource.mount(router));
    }
}
