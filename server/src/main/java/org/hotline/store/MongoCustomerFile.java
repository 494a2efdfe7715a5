package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.hotline.customer.Customer;
import org.hotline.customer.CustomerFile;
import org.hotline.shared.AgentId;

/**
 * The customer file in MongoDB: one document per customer in the {@value MongoStore#CUSTOMERS}
 * collection, keyed by the E.164 number ({@code _id}). Numbers reach a query only after they are
 * checked to be E.164, and only as values.
 */
public final class MongoCustomerFile implements CustomerFile {

    public static final int MAX_LIMIT = 500;

    private static final String ID = "_id";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> customers;

    public MongoCustomerFile(MongoCollection<Document> customers) {
        this.customers = Objects.requireNonNull(customers);
    }

    @Override
    public Optional<Customer> find(String e164) {
        if (!Customer.isE164(e164)) {
            return Optional.empty();
        }
        // a caller waiting in the queue is not kept waiting for a stalled store: unrecognised rather than late
        return Optional.ofNullable(customers.withTimeout(2, java.util.concurrent.TimeUnit.SECONDS).find(eq(ID, e164)).first())
                .map(MongoCustomerFile::customer);
    }

    /** Adds the customer or replaces what is kept under their number; true when they were new. */
    public boolean put(Customer customer) {
        return customers.replaceOne(eq(ID, customer.number()), document(customer), new ReplaceOptions().upsert(true))
                .getUpsertedId() != null;
    }

    /** True when there was a customer with that number. */
    public boolean delete(String e164) {
        return Customer.isE164(e164) && customers.deleteOne(eq(ID, e164)).getDeletedCount() > 0;
    }

    /**
     * Customers by number.
     *
     * @param after the last number of the previous page, or null for the first page
     * @param limit at most this many, 1 to {@value #MAX_LIMIT}
     */
    public CustomerPage list(String after, int limit) {
        NumberPages.Slice<Customer> page = NumberPages.read(customers, after, limit, MAX_LIMIT, MongoCustomerFile::customer, Customer::number);
        return new CustomerPage(page.items(), page.next());
    }

    /**
     * Adds the customers whose number the file does not have yet; a customer already there (an
     * operator may have changed them through the API) is left as it is.
     *
     * @return how many were added
     */
    public int seed(List<Customer> seed) {
        int added = 0;
        for (Customer customer : seed) {
            UpdateResult result = customers.updateOne(eq(ID, customer.number()), Updates.combine(
                    document(customer).entrySet().stream()
                            .filter(field -> !field.getKey().equals(ID))
                            .map(field -> Updates.setOnInsert(field.getKey(), field.getValue()))
                            .toList()), UPSERT);
            if (result.getUpsertedId() != null) {
                added++;
            }
        }
        return added;
    }

    private static Document document(Customer customer) {
        return new Document(ID, customer.number())
                .append("name", customer.name())
                .append("vip", customer.vip())
                .append("advisor", customer.advisor() == null ? null : customer.advisor().value())
                .append("note", customer.note());
    }

    private static Customer customer(Document document) {
        try {
            String advisor = document.getString("advisor");
            return new Customer(document.getString(ID), document.getString("name"), Boolean.TRUE.equals(document.getBoolean("vip")),
                    advisor == null ? null : new AgentId(advisor), document.getString("note"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("customer " + document.get(ID) + " is stored in a form this version cannot read: "
                    + e.getMessage(), e);
        }
    }
}
