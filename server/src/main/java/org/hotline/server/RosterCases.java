package org.hotline.server;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import org.hotline.config.HotlineConfig;
import org.hotline.http.agents.RosterResource;
import org.hotline.routing.roster.AddAgent;
import org.hotline.routing.roster.ChangeAgent;
import org.hotline.routing.roster.DeskLogins;
import org.hotline.routing.roster.DisableAgent;
import org.hotline.routing.roster.EnableAgent;
import org.hotline.routing.roster.FirstPasswords;
import org.hotline.routing.roster.NewPhonePassword;
import org.hotline.routing.roster.RemoveAgent;
import org.hotline.routing.roster.Roster;
import org.hotline.routing.roster.RosterRules;
import org.hotline.telephony.pjsip.AgentAccounts;

/** The roster's use cases from the admin page, on the store's roster, the live floor and Asterisk's accounts. */
final class RosterCases {

    private RosterCases() {
    }

    static RosterResource of(HotlineConfig config, LiveRoster live, Roster roster, DeskLogins logins, Vertx vertx) {
        RosterRules rules = new RosterRules(config.queues());
        FirstPasswords passwords = new FirstPasswords(new SecureRandom());
        return new RosterResource(vertx, new RosterResource.Cases(roster,
                new AddAgent(roster, rules, passwords, AgentAccounts::keyOf, logins, live),
                new ChangeAgent(roster, rules, live), new DisableAgent(roster, logins, live), new EnableAgent(roster, logins, live),
                new RemoveAgent(roster, logins, live), new NewPhonePassword(roster, passwords, AgentAccounts::keyOf, live)));
    }
}
