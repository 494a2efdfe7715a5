package org.hotline.campaign;

/** What a supervisor can tell a campaign to do. */
public enum CampaignCommand {
    START, PAUSE, RESUME, STOP
}
