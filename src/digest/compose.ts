import type { LedgerEntry, LedgerRepository, LedgerSettings } from '../ledger/index.js';
import type { Scope } from '../store/scope.js';
import { digestMessage } from './blocks.js';
import { buildDigest } from './build.js';

/**
 * A digest ready to post: the notification text and the blocks already as
 * JSON text, which is what a form-encoded `chat.postMessage` carries (and
 * what crosses a worker thread's message port cheaply).
 */
export interface ComposedDigest {
  text: string;
  blocks: string;
}

/** Reads one user's ledger and composes their digest as of `now`. */
export type ComposeDigest = (scope: Scope, now: Date) => Promise<ComposedDigest>;

export function composeDigest(
  entries: readonly LedgerEntry[],
  settings: LedgerSettings,
  now: Date,
): ComposedDigest {
  const message = digestMessage(buildDigest(entries, settings, now), now);
  return { text: message.text, blocks: JSON.stringify(message.blocks) };
}

/** Composes on the calling thread from `ledger`. */
export function composeFrom(ledger: LedgerRepository): ComposeDigest {
  return async (scope, now) => {
    const { entries, settings } = await ledger.snapshot(scope);
    return composeDigest(entries, settings, now);
  };
}
