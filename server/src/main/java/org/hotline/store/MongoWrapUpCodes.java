package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.reporting.CodedCall;
import org.hotline.reporting.WrapUpCodeSums;

/** The wrap-up codes on the call records ({@code wrapUpCode}), by the calls' arrival like the rollups. */
public final class MongoWrapUpCodes implements WrapUpCodeSums {

    private final MongoCollection<Document> calls;

    public MongoWrapUpCodes(MongoCollection<Document> calls) {
        this.calls = calls;
    }

    @Override
    public List<CodedCall> coded(Instant from, Instant to, Optional<String> queue, Optional<String> agent) {
        List<Bson> filters = new ArrayList<>(List.of(gte(CallUpdate.ARRIVAL_AT, Date.from(from)),
                lt(CallUpdate.ARRIVAL_AT, Date.from(to)), exists("wrapUpCode.code")));
        queue.ifPresent(name -> filters.add(eq("wrapUpCode.queue", name)));
        agent.ifPresent(id -> filters.add(eq("wrapUpCode.agent", id)));
        List<CodedCall> coded = new ArrayList<>();
        calls.find(and(filters)).projection(Projections.include("wrapUpCode")).forEach(call -> {
            Document code = call.get("wrapUpCode", Document.class);
            coded.add(new CodedCall(code.getString("queue"), code.getString("agent"), code.getString("code")));
        });
        return coded;
    }
}
