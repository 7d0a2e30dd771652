import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBody, FORM } from './harness/app-under-test.js';
import { FakeSlack } from './harness/fake-slack.js';
import { REPO_ROOT, sampleJson } from './harness/samples.js';
import { signedHeaders } from './harness/signing.js';

// What `npm start` runs, as a real process. `npm test` builds dist/ first.
const MAIN = resolve(REPO_ROOT, 'dist/slack/main.js');
const SECRET = 'main0test0signing0secret0abcdef12';

let dir: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'invite-coach-main-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment without any Slack variable of the developer's own. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(SLACK_|PORT$|STORE_URL$|LOG_LEVEL$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

async function run(cwd: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], { cwd, env: cleanEnv(env) });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stderr };
}

describe('npm start (dist/slack/main.js)', () => {
  it('without tokens says exactly which are missing, one line each, and exits 1', async () => {
    const { code, stderr } = await run(dir, {});
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^SLACK_BOT_TOKEN is missing: .*OAuth & Permissions/);
    expect(lines[1]).toMatch(/^SLACK_APP_TOKEN is missing .*App-Level Tokens/);
  });

  it('reads .env from the working directory', async () => {
    const envDir = mkdtempSync(join(dir, 'dotenv-'));
    writeFileSync(
      join(envDir, '.env'),
      'SLACK_BOT_TOKEN=xoxp-a-user-token\nSLACK_APP_TOKEN=xapp-1\n',
    );
    const { code, stderr } = await run(envDir, {});
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')[0]).toMatch(/^SLACK_BOT_TOKEN must start with xoxb-/);
  });

  describe('in HTTP mode', () => {
    let slack: FakeSlack;
    let child: ChildProcess;
    let port: number;
    beforeAll(async () => {
      slack = await new FakeSlack().start();
      child = spawn(process.execPath, [MAIN], {
        cwd: dir,
        env: cleanEnv({
          SLACK_BOT_TOKEN: 'xoxb-main-test',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: slack.apiUrl,
          PORT: '0',
          STORE_URL: `sqlite://${join(dir, 'main.sqlite')}`,
        }),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      for await (const line of lines) {
        const m = line.match(/listening on port (\d+) at \/slack\/events/);
        if (m) {
          port = Number(m[1]);
          break;
        }
      }
    });
    afterAll(async () => {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
      await slack.close();
    });

    it('answers a signed /invite-check, then exits 0 on SIGTERM', async () => {
      expect(port).toBeGreaterThan(0);
      const body = commandBody('Hi Sam, we met at the Lisbon meetup. Coffee next week?');
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: signedHeaders(SECRET, body, FORM),
        body,
      });
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toMatch(/\/200 characters · Basic account/);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(0);
    });
  });

  // A process start on a busy machine can take seconds: more time than vitest's default.
  describe('with a bot token Slack will not take, in HTTP mode', () => {
    /** Runs the app to its exit, with both its outputs. */
    async function start(slackApiUrl: string) {
      const child = spawn(process.execPath, [MAIN], {
        cwd: dir,
        env: cleanEnv({
          SLACK_BOT_TOKEN: 'xoxb-revoked-token',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: slackApiUrl,
          PORT: '0',
          STORE_URL: `sqlite://${join(dir, 'refused.sqlite')}`,
        }),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const [code] = (await once(child, 'exit')) as [number];
      return { code, stdout, stderr };
    }

    it('a revoked token: one line naming the cause and the fix, exit 1, never "listening"', async () => {
      const slack = await new FakeSlack().start();
      slack.answers.set('auth.test', sampleJson('api-error-invalid_auth.json'));
      try {
        const { code, stdout, stderr } = await start(slack.apiUrl);
        expect(code).toBe(1);
        expect(stderr.trim().split('\n')).toEqual([
          expect.stringMatching(
            /^SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\): .*OAuth & Permissions/,
          ),
        ]);
        expect(stderr).not.toContain('xoxb-revoked-token');
        expect(stdout).not.toMatch(/listening/);
        expect(slack.callsTo('auth.test')).toHaveLength(1);
      } finally {
        await slack.close();
      }
    }, 30_000);

    it('Slack unreachable at start: one line, no stack trace, exit 1', async () => {
      // A port that was free a moment ago: nothing answers there.
      const server = createServer().listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port: closed } = server.address() as { port: number };
      await new Promise((resolve) => server.close(resolve));
      const { code, stdout, stderr } = await start(`http://127.0.0.1:${closed}/api/`);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        `invite-coach could not reach Slack at http://127.0.0.1:${closed} to check SLACK_BOT_TOKEN (ECONNREFUSED): check the network and SLACK_API_URL.`,
      ]);
      expect(stdout).not.toMatch(/listening/);
    }, 30_000);
  });
});
