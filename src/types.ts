/** LinkedIn account types, which decide how long a note may be. */
export type Account = 'basic' | 'premium';

/** How much a finding matters: only errors make a note not ready to send. */
export type Level = 'error' | 'warning' | 'info';

/** One problem found in a note. `start`/`end` are half-open UTF-16 offsets into the note exactly as it was passed. */
export interface Finding {
  rule: string;
  level: Level;
  message: string;
  fix: string;
  start: number;
  end: number;
}

export interface CheckReport {
  /** True when no error-level finding exists. */
  ready: boolean;
  /** Characters as a person sees them (grapheme clusters), after Slack markup is resolved. */
  length: number;
  /** The account's limit for a personal note. */
  limit: number;
  /** Findings sorted by position, then by level. */
  findings: Finding[];
}

export interface CheckOptions {
  account?: Account;
  /** Turn rules off or change their level, by rule id. */
  rules?: Record<string, Level | 'off'>;
}
