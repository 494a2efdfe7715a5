package org.hotline.routing;

/** Agent tiers of the handbook: front line, senior, team lead. */
public enum Tier {
    FRONT_LINE, SENIOR, TEAM_LEAD
}
