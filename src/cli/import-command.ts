import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_STORE_URL } from '../config.js';
import { joinRoster } from '../digest/roster.js';
import { errorMessage } from '../errors.js';
import { ExportFormatError, MAX_EXPORT_BYTES } from '../import/invitations-csv.js';
import {
  importInvitationsCsv,
  importSummaryLines,
  LedgerInputError,
  type LedgerScope,
  scopePrefix,
  storeLedger,
} from '../ledger/index.js';
import { createStore, storeKind } from '../store/store.js';
import { EXIT, UsageError } from './check-command.js';

export interface ImportOptions {
  file: string;
  user: string;
  team: string | undefined;
  /** Enterprise Grid: the ledger is the user's across the organisation (as in Slack). */
  enterprise: string | undefined;
  /** `--store`, else `STORE_URL`, else the embedded SQLite file. */
  storeUrl: string;
}

export interface ImportIo {
  write: (text: string) => void;
  error: (text: string) => void;
}

/** The store URL the Slack app would use: `--store`, then `STORE_URL`, then the default SQLite file. */
export function importStoreUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? (env.STORE_URL || DEFAULT_STORE_URL);
}

/**
 * `invite-coach import Invitations.csv --user U…`: the OUTGOING rows become
 * pending ledger entries in the store the Slack app uses, and the user joins
 * the weekly digest roster as if they had used the bot in Slack (a user
 * already on it keeps their schedule). Exit 0 when the file
 * was read (even if some rows were skipped), 1 when it is not an
 * Invitations.csv or the store fails, 2 for usage errors.
 */
export async function importOne(options: ImportOptions, io: ImportIo): Promise<number> {
  const scope: LedgerScope = {
    userId: options.user,
    teamId: options.team,
    enterpriseId: options.enterprise,
  };
  try {
    scopePrefix(scope);
  } catch (err) {
    if (err instanceof LedgerInputError) throw new UsageError(err.message);
    throw err;
  }
  try {
    storeKind(options.storeUrl);
  } catch (err) {
    throw new UsageError(errorMessage(err));
  }
  let data: Buffer;
  try {
    const info = await stat(options.file);
    if (info.size > MAX_EXPORT_BYTES) {
      io.error(
        `invite-coach: ${options.file} is ${(info.size / 1024 / 1024).toFixed(1)} MB; LinkedIn's Invitations.csv is far smaller.\n`,
      );
      return EXIT.notReady;
    }
    data = await readFile(options.file);
  } catch (err) {
    io.error(`invite-coach: cannot read ${options.file}: ${errorMessage(err)}\n`);
    return EXIT.notReady;
  }
  let store: Awaited<ReturnType<typeof createStore>> | undefined;
  try {
    store = await createStore({ url: options.storeUrl });
    const repo = storeLedger(store);
    const summary = await importInvitationsCsv(repo, scope, data);
    await joinRoster(store.kv, scope);
    io.write(`${importSummaryLines(summary).join('\n')}\n`);
    return EXIT.ready;
  } catch (err) {
    if (err instanceof ExportFormatError) {
      io.error(`invite-coach: ${err.message}\n`);
      return EXIT.notReady;
    }
    io.error(`invite-coach: import failed: ${errorMessage(err)}\n`);
    return EXIT.notReady;
  } finally {
    await store?.close().catch(() => {});
  }
}
