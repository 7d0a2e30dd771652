/**
 * `npm start` with STORE_URL at a Redis that cannot be reached when the app
 * starts: it says so in one line, answers ledger commands with "I could not
 * reach your ledger", notices when Redis comes back, and exits on SIGTERM
 * within 10 s. A real process (dist/slack/main.js), as in main.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REDIS_URL, serviceGate } from '../ledger/store/backends.js';
import { commandBody, FORM } from './harness/app-under-test.js';
import { closedPort, laterProxy } from './harness/bad-stores.js';
import { FakeSlack } from './harness/fake-slack.js';
import { REPO_ROOT } from './harness/samples.js';
import { signedHeaders } from './harness/signing.js';

const MAIN = resolve(REPO_ROOT, 'dist/slack/main.js');
const SECRET = 'main0test0signing0secret0abcdef12';
const redis = await serviceGate('redis');

describe('npm start with a Redis store that is down at start', { timeout: 30_000 }, () => {
  let dir: string;
  let slack: FakeSlack;
  let child: ChildProcess;
  let port: number;
  let redisPort: number;
  const lines: string[] = [];
  const proxy = () =>
    laterProxy(redisPort, {
      host: new URL(REDIS_URL).hostname,
      port: Number(new URL(REDIS_URL).port || 6379),
    });
  let later: ReturnType<typeof proxy> | undefined;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does)`);
    dir = mkdtempSync(join(tmpdir(), 'invite-coach-main-down-'));
    slack = await new FakeSlack().start();
    redisPort = await closedPort();
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env))
      if (!/^(SLACK_|PORT$|STORE_URL$|LOG_LEVEL$)/.test(k)) env[k] = v;
    child = spawn(process.execPath, [MAIN], {
      cwd: dir,
      env: {
        ...env,
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        STORE_URL: `redis://127.0.0.1:${redisPort}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr])
      createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (l) => lines.push(l));
    await vi.waitFor(
      () => {
        const m = lines.join('\n').match(/listening on port (\d+) at \/slack\/events/);
        expect(m).not.toBeNull();
        port = Number(m?.[1]);
      },
      { timeout: 15_000, interval: 50 },
    );
    // Starting a process on a loaded machine (the tests run many at once) takes a while.
  }, 30_000);
  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await later?.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says in one line that the store is unreachable', async () => {
    await vi.waitFor(() => expect(lines.some((l) => /is unreachable/.test(l))).toBe(true), {
      timeout: 5000,
    });
    const said = lines.filter((l) => /unreachable/.test(l));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`the store at redis://127.0.0.1:${redisPort} is unreachable`);
    expect(said[0]).toMatch(/keep retrying/);
  });

  it('answers /invite-log at once with "I could not reach your ledger"', async () => {
    const body = commandBody('sent Jane Park', { command: '/invite-log' });
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(SECRET, body, FORM),
      body,
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toMatch(/could not reach your ledger/);
  });

  it.skipIf(redis === 'skip')('notices when the store comes back', async () => {
    if (redis === 'fail') throw new Error('REQUIRE_SERVICES=1 and redis is not reachable.');
    later = proxy();
    await later.open();
    await vi.waitFor(() => expect(lines.some((l) => /is reachable now/.test(l))).toBe(true), {
      timeout: 15_000,
      interval: 100,
    });
  });

  it('exits 0 on SIGTERM within 10 s', async () => {
    // The store is down again: a shutdown must not wait on it.
    await later?.close();
    const started = Date.now();
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
