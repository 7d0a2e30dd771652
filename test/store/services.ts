import { Socket } from 'node:net';

/** Whether something accepts TCP connections at host:port (a quick probe, no protocol). */
export function reachable(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** REQUIRE_SERVICES=1 (CI) turns a missing service from a loud skip into a failure. */
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === '1';

export function announceSkip(name: string, where: string): void {
  const bar = '!'.repeat(72);
  console.warn(
    `\n${bar}\n!! SKIPPED: ${name} store tests — nothing listening at ${where}.\n!! Set REQUIRE_SERVICES=1 to make this a failure (CI does).\n${bar}\n`,
  );
}
