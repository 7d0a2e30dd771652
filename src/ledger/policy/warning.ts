/** How much a ledger warning matters: `danger` means LinkedIn is likely to block or restrict. */
export type Severity = 'info' | 'warn' | 'danger';

export type WarningId =
  | 'weekly-cap'
  | 'pace'
  | 'pending-threshold'
  | 'stale-pending'
  | 'idk'
  | 'note-quota'
  | 'already-pending'
  | 'withdraw-cooldown'
  | 'ignore-backoff';

export interface LedgerWarning {
  id: WarningId;
  severity: Severity;
  /** Says what LinkedIn does and what to do, with the numbers. Holds no user text. */
  message: string;
  /** When the condition lifts, as an ISO instant (cooldowns and back-offs). */
  until?: string;
  /** The entries the warning is about. */
  entryIds?: string[];
}
