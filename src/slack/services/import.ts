/**
 * LinkedIn's Invitations.csv uploaded in the bot's DM: checked by its
 * metadata first (a CSV, not too big), downloaded with the bot token from
 * Slack, imported into the user's ledger, and answered with the counts.
 */
import type { Logger } from '@slack/bolt';
import { errorMessage, errorName } from '../../errors.js';
import { ExportFormatError, MAX_EXPORT_BYTES } from '../../import/invitations-csv.js';
import { importInvitationsCsv, importSummaryLines } from '../../ledger/index.js';
import type { Scope } from '../../store/scope.js';
import { escapeMrkdwn } from '../../text/mrkdwn.js';
import { importReplyMessage as reply } from '../blocks/import.js';
import type { Message } from '../blocks/message.js';
import type { Deps } from '../context.js';
import { ledgerWritten } from './ledger.js';

/** What the app reads of a Slack file object (from a `file_share` message). */
export interface SharedFile {
  id?: string;
  name?: string;
  filetype?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

export interface Download {
  /**
   * Slack's `files.info` for a file shared without its URLs (`file_access:
   * 'check_file_info'`); without it such a file is refused.
   */
  fileInfo?: (id: string) => Promise<SharedFile | undefined>;
  /** The bot token, sent as `Authorization: Bearer`; never to another host than Slack's. */
  token: string;
  /**
   * Origins the token may be sent to, redirects included: Slack's file host,
   * and the API's own (a stand-in in tests).
   */
  allowedOrigins: readonly string[];
  fetch?: typeof fetch;
}

const UPLOAD_HINT =
  'Upload the Invitations.csv from your LinkedIn data export (Settings → Data privacy → Get a copy of your data).';

/** A CSV by its name, Slack's file type or its MIME type. */
export function looksLikeCsv(file: SharedFile): boolean {
  return (
    file.filetype === 'csv' ||
    file.mimetype === 'text/csv' ||
    (file.name ?? '').toLowerCase().endsWith('.csv')
  );
}

/** Why a shared file is refused before downloading it, or `undefined` when it may be read. */
export function refuseBeforeDownload(file: SharedFile): string | undefined {
  const name = escapeMrkdwn(file.name ?? 'That file');
  if (!looksLikeCsv(file)) return `${name} is not a CSV file. ${UPLOAD_HINT}`;
  if (typeof file.size === 'number' && file.size > MAX_EXPORT_BYTES) {
    return `${name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; LinkedIn's Invitations.csv is far smaller. ${UPLOAD_HINT}`;
  }
  if (!file.url_private_download && !file.url_private) {
    return `I could not get ${name} from Slack. Try uploading it again.`;
  }
  return undefined;
}

class DownloadError extends Error {
  override name = 'DownloadError';
}

/** Redirects followed for one download (Slack's file host may send one). */
const MAX_REDIRECTS = 3;

/**
 * GETs `url` with the bot token, following redirects by hand: each hop must
 * stay on an allowed origin, so the token (and the request) never go to a
 * host that is not Slack's.
 */
async function fetchWithToken(url: URL, download: Download): Promise<Response> {
  for (let hop = 0; ; hop++) {
    if (!download.allowedOrigins.includes(url.origin)) {
      throw new DownloadError(`refusing to send the token to ${url.origin}`);
    }
    const res = await (download.fetch ?? fetch)(url, {
      headers: { Authorization: `Bearer ${download.token}` },
      redirect: 'manual',
    });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status > 399 || location === null) return res;
    await res.body?.cancel().catch(() => {});
    if (hop >= MAX_REDIRECTS) throw new DownloadError('too many redirects');
    url = new URL(location, url);
  }
}

/** The file's bytes, fetched with the bot token; never more than the export's size limit. */
export async function downloadFile(file: SharedFile, download: Download): Promise<Buffer> {
  const res = await fetchWithToken(
    new URL((file.url_private_download ?? file.url_private) as string),
    download,
  );
  if (!res.ok) throw new DownloadError(`HTTP ${res.status}`);
  // Without files:read Slack answers with its sign-in page instead of the file.
  if ((res.headers.get('content-type') ?? '').includes('text/html')) {
    throw new DownloadError(
      'Slack sent a web page, not the file (is the files:read scope granted?)',
    );
  }
  const tooBig = () =>
    new ExportFormatError(
      `That file is over ${MAX_EXPORT_BYTES / 1024 / 1024} MB; LinkedIn's Invitations.csv is far smaller.`,
    );
  if (Number(res.headers.get('content-length') ?? 0) > MAX_EXPORT_BYTES) throw tooBig();
  // Read at most the limit, whatever the size field said: stop as soon as it is passed.
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    for await (const chunk of res.body) {
      total += chunk.length;
      if (total > MAX_EXPORT_BYTES) {
        await res.body.cancel().catch(() => {});
        throw tooBig();
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * Imports one shared file into the user's ledger; always an answer for the
 * user, never a throw. `imported` counts the invitations added (the caller
 * republishes Home when there are any).
 */
export async function importSharedFile(
  deps: Deps,
  scope: Scope,
  file: SharedFile,
  download: Download,
  logger: Logger,
): Promise<Message & { imported?: number }> {
  if (!file.url_private_download && !file.url_private && file.id && download.fileInfo) {
    try {
      file = { ...file, ...(await download.fileInfo(file.id)) };
    } catch (error) {
      logger.error(`files.info failed for user ${scope.userId}: ${errorMessage(error)}`);
    }
  }
  const refused = refuseBeforeDownload(file);
  if (refused) return reply(refused);
  let data: Buffer;
  try {
    data = await downloadFile(file, download);
  } catch (error) {
    if (error instanceof ExportFormatError)
      return reply(`${escapeMrkdwn(error.message)} ${UPLOAD_HINT}`);
    logger.error(`file download failed for user ${scope.userId}: ${errorMessage(error)}`);
    return reply('I could not download that file from Slack. Try uploading it again in a moment.');
  }
  try {
    const summary = await importInvitationsCsv(deps.ledger, scope, data);
    // The user has a ledger now: checks show the budget line from here on.
    if (summary.imported > 0) ledgerWritten(deps, scope);
    logger.info(
      `import user=${scope.userId} added=${summary.imported} already=${summary.alreadyThere} skipped=${summary.skipped.length}`,
    );
    return {
      ...reply(
        escapeMrkdwn(importSummaryLines(summary).join('\n')),
        'Your pending invitations are on my Home tab, with a menu to record what became of each.',
      ),
      imported: summary.imported,
    };
  } catch (error) {
    if (error instanceof ExportFormatError) return reply(escapeMrkdwn(error.message));
    logger.error(`import failed for user ${scope.userId}: ${errorName(error)}`);
    return reply(
      'I could not save the import just now: nothing or part of it was added. Upload it again in a moment; nothing is added twice.',
    );
  }
}
