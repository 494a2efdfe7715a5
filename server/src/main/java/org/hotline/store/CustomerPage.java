package org.hotline.store;

import java.util.List;
import org.hotline.customer.Customer;

/**
 * One page of the customer file.
 *
 * @param customers the customers, by number
 * @param next      the number the next page starts after, or null when this is the last page
 */
public record CustomerPage(List<Customer> customers, String next) {

    public CustomerPage {
        customers = List.copyOf(customers);
    }
}
