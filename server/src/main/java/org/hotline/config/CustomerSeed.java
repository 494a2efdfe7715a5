package org.hotline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.hotline.shared.Printable;
import org.hotline.customer.Customer;
import org.hotline.customer.PhoneNumbers;
import org.hotline.shared.AgentId;

/**
 * Reads the customers the file starts with ({@code customers.file}, e.g. {@code config/customers.yaml}):
 * they are added to the customer file at start-up when it does not have them yet. Every problem
 * names the entry it is in, e.g. {@code customers[1] (+8613800138000).advisor: "099" is not an agent in the roster}.
 */
final class CustomerSeed {

    private static final Set<String> FIELDS = Set.of("number", "name", "vip", "advisor", "note");

    private CustomerSeed() {
    }

    /**
     * @param numbers     reads the numbers as the centre's region does
     * @param knownAgent  whether an ID is an agent of the roster (a VIP's advisor must be one)
     */
    public static List<Customer> load(Path file, PhoneNumbers numbers, Predicate<AgentId> knownAgent) {
        ObjectNode root = YamlFile.read(file, "customers.file", "'customers:' followed by a list");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("customers")) {
                throw new ConfigException(file + ": " + key + ": unknown setting (customers)");
            }
        }
        JsonNode list = root.get("customers");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException("customers: expected a list of customers (lines starting with '- number:')");
        }
        List<Customer> customers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Customer customer = customer(list.get(i), i, numbers, knownAgent);
            Integer earlier = seen.putIfAbsent(customer.number(), i);
            if (earlier != null) {
                throw new ConfigException("customers[" + i + "] (" + customer.number()
                        + "): the number is already used by customers[" + earlier + "]");
            }
            customers.add(customer);
        }
        return List.copyOf(customers);
    }

    private static Customer customer(JsonNode node, int index, PhoneNumbers numbers, Predicate<AgentId> knownAgent) {
        String where = "customers[" + index + "]";
        if (!node.isObject()) {
            throw new ConfigException(where + ": expected number, name, vip, advisor and note");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new ConfigException(where + "." + field + ": unknown setting (number, name, vip, advisor, note)");
            }
        }
        JsonNode numberNode = node.get("number");
        if (numberNode == null || numberNode.isNull()) {
            throw new ConfigException(where + ".number: is required");
        }
        if (!numberNode.isTextual()) {
            // unquoted, YAML reads +86… as a whole number (the plus is lost) and 0755… as an octal one
            throw new ConfigException(where + ".number: write the number in quotes (e.g. \"+86 138 0013 8000\")");
        }
        String number = numbers.e164(numberNode.asText()).orElse(null);
        if (number == null) {
            throw new ConfigException(where + ".number: " + Printable.of(numberNode.asText()) + " is not a phone number of "
                    + numbers.region() + " or with a country code (e.g. \"+86 138 0013 8000\", \"010 6234 5678\")");
        }
        where = where + " (" + number + ")";
        JsonNode vip = node.get("vip");
        if (vip != null && !vip.isNull() && !vip.isBoolean()) {
            throw new ConfigException(where + ".vip: true or false");
        }
        AgentId advisor = advisor(node.get("advisor"), where, knownAgent);
        try {
            return new Customer(number, text(node, "name"), vip != null && vip.booleanValue(), advisor, text(node, "note"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + "." + e.getMessage());
        }
    }

    private static AgentId advisor(JsonNode node, String where, Predicate<AgentId> knownAgent) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ConfigException(where + ".advisor: write the agent ID in quotes (e.g. \"011\") so leading zeros are kept");
        }
        if (!AgentId.isValid(node.asText()) || !knownAgent.test(new AgentId(node.asText()))) {
            throw new ConfigException(where + ".advisor: " + Printable.of(node.asText()) + " is not an agent in the roster (agents.file)");
        }
        return new AgentId(node.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
