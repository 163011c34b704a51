package org.steward.audit.view;

/** The funnel's counts (AUD-4), added up one case at a time. */
final class FunnelSummary {

    private long submitted;
    private long referencesComplete;
    private long referencesExpired;
    private long approved;
    private long rejected;
    private long moreInformation;
    private long discarded;
    private long open;
    private long decided;
    private long decidedHours;
    private long longestHours;

    /** The counts as the database added them up (ApplicationFunnel.summary); {@code longestHours} 0 when none was decided. */
    static FunnelSummary of(long submitted, long referencesComplete, long referencesExpired, long moreInformation, long approved,
                            long rejected, long discarded, long open, long decided, long decidedHours, long longestHours) {
        FunnelSummary summary = new FunnelSummary();
        summary.submitted = submitted;
        summary.referencesComplete = referencesComplete;
        summary.referencesExpired = referencesExpired;
        summary.moreInformation = moreInformation;
        summary.approved = approved;
        summary.rejected = rejected;
        summary.discarded = discarded;
        summary.open = open;
        summary.decided = decided;
        summary.decidedHours = decidedHours;
        summary.longestHours = longestHours;
        return summary;
    }

    void add(ApplicationFunnel.Row row) {
        submitted++;
        referencesComplete += row.referencesComplete() ? 1 : 0;
        referencesExpired += row.referencesExpired() > 0 ? 1 : 0;
        moreInformation += row.moreInformation() > 0 ? 1 : 0;
        switch (row.outcome()) {
            case "APPROVED" -> approved++;
            case "REJECTED" -> rejected++;
            case "DISCARDED" -> discarded++;
            case "OPEN" -> open++;
            default -> { }
        }
        if (("APPROVED".equals(row.outcome()) || "REJECTED".equals(row.outcome())) && row.durationHours() != null) {
            decided++;
            decidedHours += row.durationHours();
            longestHours = Math.max(longestHours, row.durationHours());
        }
    }

    public long getSubmitted() { return submitted; }
    public long getReferencesComplete() { return referencesComplete; }
    public long getReferencesExpired() { return referencesExpired; }
    public long getApproved() { return approved; }
    public long getRejected() { return rejected; }
    public long getMoreInformation() { return moreInformation; }
    public long getDiscarded() { return discarded; }
    public long getOpen() { return open; }
    /** Average hours from submission to decision over the decided cases; null when none was decided. */
    public Long getAverageHoursToDecision() { return decided == 0 ? null : decidedHours / decided; }
    public Long getLongestHoursToDecision() { return decided == 0 ? null : longestHours; }
}
