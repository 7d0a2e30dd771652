import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { errorMessage } from '../errors.js';
import { isAccount } from '../limits.js';
import { checkLines, checkOne, EXIT, UsageError } from './check-command.js';
// draft and import are loaded when asked for: import pulls in the ledger's
// store drivers and draft its prompts, half a second a cold `check` need not pay.

export interface CliIo {
  stdin: Readable;
  stdinIsTTY: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  env: NodeJS.ProcessEnv;
}

const HELP = `invite-coach: coaching for LinkedIn invitation notes

Usage:
  invite-coach check [--account basic|premium] [--json] [NOTE]
  invite-coach check --jsonl [--account basic|premium] < notes.jsonl
  invite-coach draft [--account basic|premium] [--json] [--variant N] "<context>"
  invite-coach import Invitations.csv --user <slack id> [--team <id> | --enterprise <id>] [--store <url>]

  NOTE            the note to check; read from standard input when omitted
  --account, -a   basic (200-character limit, the default) or premium (300)
  --json          print the report as JSON
  --jsonl         batch: one {"id","note","account"} object a line in, one result a line out
  --variant N     draft: another version of the note (0, 1, 2 …)
  --user, --team  import: whose ledger (Slack user id; workspace id, default SLACK_TEAM_ID)
  --enterprise    import: the organisation id (E…) instead of --team, on Enterprise Grid;
                  the user joins the weekly digest (default Monday 09:00) if not on it yet
  --store URL     import: the store (default STORE_URL, else the embedded SQLite file)

A draft uses the templates in prompts/; with OPENAI_API_KEY set (and optionally
OPENAI_BASE_URL, OPENAI_MODEL) an LLM rewrites it, and every draft is re-checked.
  --help, -h      show this help
  --version, -v   show the version

Exit status: 0 ready to send (or drafted), 1 not ready (or a batch line failed, or a
draft needs more information, or an import file was refused), 2 usage error.
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`invite-coach: ${err.message}\nRun "invite-coach --help" for usage.\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

type Values = ReturnType<typeof parse>['values'];

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new UsageError(errorMessage(err));
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${version()}\n`);
    return EXIT.ready;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.stdout(HELP);
    return EXIT.ready;
  }
  if (command === undefined)
    throw new UsageError('missing command: try "invite-coach check <note>".');
  if (command !== 'check' && command !== 'draft' && command !== 'import')
    throw new UsageError(`unknown command "${command}".`);
  if (command === 'import') return runImport(rest, values, io);
  if (
    values.user !== undefined ||
    values.team !== undefined ||
    values.enterprise !== undefined ||
    values.store !== undefined
  )
    throw new UsageError('--user, --team, --enterprise and --store are for import.');
  return runNoteCommand(command, rest, values, io);
}

async function runImport(rest: string[], values: Values, io: CliIo): Promise<number> {
  const [file, ...extra] = rest;
  if (file === undefined || extra.length > 0)
    throw new UsageError('import takes one file: invite-coach import Invitations.csv --user U…');
  if (values.user === undefined) throw new UsageError('import needs --user <slack user id>.');
  const enterprise = values.enterprise;
  const team = values.team ?? (io.env.SLACK_TEAM_ID || undefined);
  if (team === undefined && enterprise === undefined)
    throw new UsageError(
      'import needs --team <workspace id> (or SLACK_TEAM_ID), or --enterprise <id> on Enterprise Grid.',
    );
  const { importOne, importStoreUrl } = await import('./import-command.js');
  return importOne(
    {
      file,
      user: values.user,
      team,
      enterprise,
      storeUrl: importStoreUrl(values.store, io.env),
    },
    { write: io.stdout, error: io.stderr },
  );
}

/** `check` and `draft`: both take a note or a context, an account and --json. */
async function runNoteCommand(
  command: 'check' | 'draft',
  rest: string[],
  values: Values,
  io: CliIo,
): Promise<number> {
  const account = values.account ?? 'basic';
  if (!isAccount(account))
    throw new UsageError(`--account must be basic or premium, not "${account}".`);
  if (values.json && values.jsonl)
    throw new UsageError('--json and --jsonl cannot be used together.');

  const checkIo = {
    stdin: io.stdin,
    stdinIsTTY: io.stdinIsTTY,
    write: io.stdout,
    colors: pc.createColors(io.color),
  };
  if (command === 'draft') {
    if (values.jsonl) throw new UsageError('--jsonl is for check, not draft.');
    const variant = Number(values.variant ?? 0);
    if (!Number.isInteger(variant) || variant < 0)
      throw new UsageError('--variant must be a whole number, 0 or more.');
    const { draftOne } = await import('./draft-command.js');
    return draftOne(
      rest,
      { account, json: values.json ?? false, variant },
      { write: io.stdout, colors: checkIo.colors, env: io.env },
    );
  }
  if (values.variant !== undefined) throw new UsageError('--variant is for draft, not check.');
  if (values.jsonl) {
    if (rest.length > 0)
      throw new UsageError('--jsonl reads notes from standard input, not from arguments.');
    return checkLines(account, checkIo);
  }
  return checkOne(rest, account, values.json ?? false, checkIo);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      account: { type: 'string', short: 'a' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      variant: { type: 'string' },
      user: { type: 'string' },
      team: { type: 'string' },
      enterprise: { type: 'string' },
      store: { type: 'string' },
    },
  });
}

function version(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
  return pkg.version;
}
