package org.hotline.telephony.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code Filter} with Asterisk's advanced match criteria (Asterisk 20.9, 21.4, 22+): from now
 * on this session receives the events a filter includes, and no others. Public for the library,
 * which sends an action's fields by reflection.
 */
public final class FilterEventsAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String matchCriteria;
    private final String filter;

    private FilterEventsAction(String matchCriteria, String filter) {
        this.matchCriteria = matchCriteria;
        this.filter = filter;
    }

    /** Includes every event named {@code event}. */
    static FilterEventsAction include(String event) {
        return new FilterEventsAction("action(include),name(" + event + ")", null);
    }

    /** Includes the events named {@code event} whose header {@code header} contains {@code text}. */
    static FilterEventsAction include(String event, String header, String text) {
        return new FilterEventsAction("action(include),name(" + event + "),header(" + header + "),method(contains)", text);
    }

    @Override
    public String getAction() {
        return "Filter";
    }

    public String getOperation() {
        return "Add";
    }

    public String getMatchCriteria() {
        return matchCriteria;
    }

    public String getFilter() {
        return filter;
    }
}
