package org.hotline.campaign;

import org.hotline.shared.AgentId;

/**
 * Someone to call, as a campaign is made: a checked E.164 number, what the script needs, and
 * who should call them (the case owner), if anyone.
 */
public record NewContact(String number, ContactDetails details, AgentId preferredAgent) {
}
