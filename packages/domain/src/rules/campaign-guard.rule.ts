/**
 * Pauses a campaign whose recipients push back: opt-outs plus complaints above `campaignPauseRate` (2 %) of
 * the messages sent, once at least `campaignPauseMinSent` (200) have gone (CONTRACT §3). The threshold follows
 * carrier practice of suspending senders with high opt-out and complaint rates (CTIA Messaging Principles [S]).
 */
export function campaignGuard(
  counts: { sent: number; optOuts: number; complaints: number },
  policy: { campaignPauseRate: number; campaignPauseMinSent: number },
): 'continue' | 'pause' {
  if (counts.sent <= 0 || counts.sent < policy.campaignPauseMinSent) return 'continue';
  return (counts.optOuts + counts.complaints) / counts.sent > policy.campaignPauseRate ? 'pause' : 'continue';
}
