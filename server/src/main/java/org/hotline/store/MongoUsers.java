package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.hotline.access.Role;
import org.hotline.access.User;
import org.hotline.access.Users;
import org.hotline.shared.AgentId;

/**
 * Users in MongoDB, one document per user in {@value #COLLECTION}, keyed by the name:
 * {@code {_id: "li.na", displayName, role, agent, passwordHash, disabled}}. Names reach a query only
 * after {@link User#isValidName} accepted them, and only as values.
 */
public final class MongoUsers implements Users {

    static final String COLLECTION = "users";

    private final MongoCollection<Document> users;

    public MongoUsers(MongoCollection<Document> users) {
        this.users = Objects.requireNonNull(users);
    }

    @Override
    public Optional<User> find(String name) {
        if (!User.isValidName(name)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(users.find(eq("_id", name)).first()).map(MongoUsers::user);
        } catch (MongoException e) {
            throw new Unavailable("users: " + MongoStore.plainly(e), e);
        }
    }

    @Override
    public List<User> all() {
        List<User> all = new ArrayList<>();
        try {
            users.find().sort(new Document("_id", 1)).forEach(document -> all.add(user(document)));
        } catch (MongoException e) {
            throw new Unavailable("users: " + MongoStore.plainly(e), e);
        }
        return all;
    }

    @Override
    public void add(User user) {
        try {
            users.insertOne(document(user));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new UserExists(user.name());
            }
            throw e;
        }
    }

    @Override
    public boolean replace(User user) {
        return users.replaceOne(eq("_id", user.name()), document(user)).getMatchedCount() > 0;
    }

    @Override
    public long count() {
        return users.countDocuments();
    }

    private static Document document(User user) {
        return new Document("_id", user.name())
                .append("displayName", user.displayName())
                .append("role", user.role().id())
                .append("agent", user.agent() == null ? null : user.agent().value())
                .append("passwordHash", user.passwordHash())
                .append("disabled", user.disabled());
    }

    private static User user(Document document) {
        try {
            String agent = document.getString("agent");
            return new User(document.getString("_id"), document.getString("displayName"),
                    Role.of(document.getString("role")).orElseThrow(() -> new IllegalArgumentException("role " + document.get("role"))),
                    agent == null ? null : new AgentId(agent), document.getString("passwordHash"),
                    Boolean.TRUE.equals(document.getBoolean("disabled")));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("user " + document.get("_id") + " is stored in a form this version cannot read: "
                    + e.getMessage(), e);
        }
    }
}
