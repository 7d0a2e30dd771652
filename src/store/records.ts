import { z } from 'zod';
import { ACCOUNTS } from '../limits.js';
import type { Account } from '../types.js';

/**
 * A kind of record kept per user: its key suffix and a zod schema that every
 * read goes through. Each schema carries a literal version `v`; a record of
 * another version (or a corrupt one) reads as absent rather than as garbage.
 */
export interface RecordType<T> {
  kind: string;
  schema: z.ZodType<T>;
}

export const SETTINGS_VERSION = 1;

export const settingsSchema = z.object({
  v: z.literal(SETTINGS_VERSION),
  account: z.enum(ACCOUNTS as [Account, ...Account[]]),
  updatedAt: z.iso.datetime(),
});

export type SettingsRecord = z.infer<typeof settingsSchema>;

export const SETTINGS: RecordType<SettingsRecord> = { kind: 'settings', schema: settingsSchema };

/** What a user who never chose gets. */
export const DEFAULT_ACCOUNT: Account = 'basic';
