package org.hotline.store;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.hotline.shared.CallId;
import org.hotline.cases.FirstContact;
import org.hotline.cases.FirstContacts;
import org.hotline.customer.PhoneNumbers;
import org.hotline.shared.AgentId;

/**
 * Who took a call first, from its record: the agent of the first offer they answered (a transferred
 * call's {@code agent} is the last one to answer, not the first), else the record's agent; and the
 * caller's number in E.164 form.
 */
public final class CallFirstContacts implements FirstContacts {

    private final CallRecords records;
    private final PhoneNumbers numbers;

    public CallFirstContacts(CallRecords records, PhoneNumbers numbers) {
        this.records = records;
        this.numbers = numbers;
    }

    @Override
    public Optional<FirstContact> of(CallId call) {
        return records.stored(call).map(record -> {
            Document caller = record.get("caller", Document.class);
            String number = caller == null ? null : caller.getString("number");
            return new FirstContact(call, number == null ? null : numbers.e164(number).orElse(null), firstAgent(record));
        });
    }

    private static AgentId firstAgent(Document record) {
        for (Document offer : record.getList("offers", Document.class, List.of())) {
            if ("answered".equals(offer.getString("outcome")) && AgentId.isValid(offer.getString("agent"))) {
                return new AgentId(offer.getString("agent"));
            }
        }
        Document agent = record.get("agent", Document.class);
        String id = agent == null ? null : agent.getString("id");
        return AgentId.isValid(id) ? new AgentId(id) : null;
    }
}
