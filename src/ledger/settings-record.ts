import type { LedgerKv } from '../store/kv.js';
import { LedgerRecordError } from './errors.js';
import { type OnSkipped, parseRecord } from './read.js';
import { LedgerSettings } from './records.js';
import { inputError } from './send-input.js';

/**
 * The settings under `prefix`, or the defaults when there are none. A record
 * that cannot be read throws {@link LedgerRecordError} with `'throw'`; given
 * `onSkipped`, it is reported there and the defaults are used.
 */
export async function readSettings(
  kv: LedgerKv,
  prefix: string,
  onSkipped: OnSkipped | 'throw',
): Promise<LedgerSettings> {
  const key = `${prefix}settings`;
  const value = await kv.get(key);
  if (value === undefined) return LedgerSettings.parse({});
  try {
    return parseRecord(LedgerSettings, key, value);
  } catch (error) {
    if (!(error instanceof LedgerRecordError) || onSkipped === 'throw' || onSkipped === undefined)
      throw error;
    onSkipped(key, 'unreadable');
    return LedgerSettings.parse({});
  }
}

/** Changes some settings; invalid values throw `LedgerInputError` and change nothing. */
export async function updateSettings(
  kv: LedgerKv,
  prefix: string,
  patch: Partial<LedgerSettings>,
): Promise<LedgerSettings> {
  const current = await readSettings(kv, prefix, 'throw');
  const parsed = LedgerSettings.safeParse({ ...current, ...patch });
  if (!parsed.success) throw inputError(parsed.error, 'Cannot save these settings');
  await kv.set(`${prefix}settings`, parsed.data);
  return parsed.data;
}
