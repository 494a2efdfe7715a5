package org.hotline.store;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.cases.Case;
import org.hotline.cases.CaseStatus;
import org.hotline.campaign.ContactDetails;
import org.hotline.campaign.ContactSource;
import org.hotline.campaign.NewContact;
import org.hotline.customer.Customer;
import org.hotline.customer.PhoneNumbers;
import org.hotline.shared.PageCursor;

/**
 * Turns where a campaign's contacts come from into the contacts themselves, at most
 * {@code limit}: abandoned callers not back since, customers whose case has a solution ready
 * (to be called by the case owner, the case's subject and date in the script), or the customer file.
 * Blocking (store reads): run off the event loop.
 */
public final class CampaignContactSources {

    private final AbandonedCallers abandoned;
    private final MongoCases cases;
    private final MongoCustomerFile customers;
    private final PhoneNumbers numbers;
    private final ZoneId zone;

    public CampaignContactSources(AbandonedCallers abandoned, MongoCases cases, MongoCustomerFile customers,
                                  PhoneNumbers numbers, ZoneId zone) {
        this.abandoned = abandoned;
        this.cases = cases;
        this.customers = customers;
        this.numbers = numbers;
        this.zone = zone;
    }

    public List<NewContact> contacts(ContactSource source, int limit) {
        return switch (source) {
            case ContactSource.Listed listed -> listed.contacts().stream().limit(limit).toList();
            case ContactSource.Abandoned period -> fromAbandoned(period, limit);
            case ContactSource.CasesSolutionReady ignored -> fromCases(limit);
            case ContactSource.Customers file -> fromCustomers(file.vipOnly(), limit);
        };
    }

    private List<NewContact> fromAbandoned(ContactSource.Abandoned period, int limit) {
        List<NewContact> contacts = new ArrayList<>();
        for (AbandonedCallers.Caller caller : abandoned.find(period.from(), period.to(), limit)) {
            Optional<String> e164 = numbers.e164(caller.number());
            e164.ifPresent(number -> contacts.add(new NewContact(number, new ContactDetails("", "abandoned call",
                    caller.arrivedAt().atZone(zone).toLocalDate(), ""), null)));
        }
        return contacts;
    }

    private List<NewContact> fromCases(int limit) {
        List<NewContact> contacts = new ArrayList<>();
        PageCursor after = null;
        do {
            MongoCases.CasePage page = cases.list(new MongoCases.Filter(CaseStatus.SOLUTION_READY, null, null),
                    Math.min(MongoCases.MAX_LIMIT, limit - contacts.size()), after);
            for (Case ready : page.cases()) {
                String number = ready.particulars().contactPhone() != null ? ready.particulars().contactPhone() : ready.customer();
                LocalDate opened = ready.openedAt().atZone(zone).toLocalDate();
                contacts.add(new NewContact(number, new ContactDetails(ready.particulars().who(), ready.particulars().what(),
                        opened, ready.id().value()), ready.owner()));
            }
            after = page.next();
        } while (after != null && contacts.size() < limit);
        return contacts;
    }

    private List<NewContact> fromCustomers(boolean vipOnly, int limit) {
        List<NewContact> contacts = new ArrayList<>();
        String after = null;
        do {
            CustomerPage page = customers.list(after, MongoCustomerFile.MAX_LIMIT);
            for (Customer customer : page.customers()) {
                if (contacts.size() < limit && (!vipOnly || customer.vip())) {
                    contacts.add(new NewContact(customer.number(), new ContactDetails(customer.name(), "", null, ""),
                            customer.advisor()));
                }
            }
            after = page.next();
        } while (after != null && contacts.size() < limit);
        return contacts;
    }
}
