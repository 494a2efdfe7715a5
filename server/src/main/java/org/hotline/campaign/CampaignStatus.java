package org.hotline.campaign;

/** A campaign's life: made, dialling, held, and over. */
public enum CampaignStatus {
    READY,
    RUNNING,
    PAUSED,
    /** Stopped by a supervisor: contacts not finished are cancelled. */
    STOPPED,
    /** Every contact finished. */
    COMPLETED;

    /** The status after a supervisor's command, or an error naming why it cannot be done now. */
    public CampaignStatus on(CampaignCommand command) {
        CampaignStatus next = switch (command) {
            case START -> this == READY ? RUNNING : null;
            case PAUSE -> this == RUNNING ? PAUSED : null;
            case RESUME -> this == PAUSED ? RUNNING : null;
            case STOP -> this == READY || this == RUNNING || this == PAUSED ? STOPPED : null;
        };
        if (next == null) {
            throw new IllegalStateException("a " + name().toLowerCase() + " campaign cannot " + command.name().toLowerCase());
        }
        return next;
    }

    public boolean over() {
        return this == STOPPED || this == COMPLETED;
    }
}
