import { describe, expect, it, vi } from 'vitest';
import { createDrafter } from '../../src/draft/index.js';
import { createDeps } from '../../src/slack/context.js';
import { actionRoutes } from '../../src/slack/listeners/actions/index.js';
import { commandRoutes } from '../../src/slack/listeners/commands/index.js';
import { actionIds, commandIds, viewIds } from '../../src/slack/listeners/index.js';
import { dispatch } from '../../src/slack/listeners/route.js';
import { viewRoutes } from '../../src/slack/listeners/views/index.js';
import { memoryStore } from '../../src/store/store.js';

const deps = createDeps(memoryStore(), createDrafter());

describe('one listener per kind', () => {
  it('routes exactly the ids the app declares (and the manifest test checks)', () => {
    expect([...actionRoutes(deps).keys()].sort()).toEqual([...new Set(actionIds)].sort());
    expect([...commandRoutes(deps).keys()].sort()).toEqual([...commandIds].sort());
    expect([...viewRoutes(deps).keys()].sort()).toEqual([...viewIds].sort());
  });

  it('hands a request to its own route and to no other', async () => {
    const first = vi.fn(async () => {});
    const second = vi.fn(async () => {});
    const listener = dispatch(
      new Map([
        ['one', first],
        ['two', second],
      ]),
      (args: { id: string }) => args.id,
    );
    await listener({ id: 'two' });
    await listener({ id: 'three' });
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it('hands a request no route takes to the fallback, with its id', async () => {
    const known = vi.fn(async () => {});
    const unknown = vi.fn(async () => {});
    const listener = dispatch(
      new Map([['one', known]]),
      (args: { id: string }) => args.id,
      unknown,
    );
    await listener({ id: 'one' });
    await listener({ id: 'old_button' });
    expect(known).toHaveBeenCalledTimes(1);
    expect(unknown).toHaveBeenCalledExactlyOnceWith({ id: 'old_button' }, 'old_button');
  });
});
