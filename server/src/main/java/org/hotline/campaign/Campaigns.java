package org.hotline.campaign;

import java.util.List;
import java.util.Optional;

/** Where campaigns are kept. */
public interface Campaigns {

    /** Adds a new campaign; false if one with its id exists. */
    boolean add(Campaign campaign);

    Optional<Campaign> find(CampaignId id);

    /** Newest first, at most {@code limit}. */
    List<Campaign> list(int limit);

    /** Campaigns that should be dialling now (after a restart too). */
    List<Campaign> running();

    /**
     * Moves a campaign from {@code expected} to {@code next} status, only if it is still in
     * {@code expected}: two supervisors pressing buttons at once cannot both win.
     */
    boolean move(CampaignId id, CampaignStatus expected, CampaignStatus next);
}
