import { keyvLedgerKv, LedgerRepository } from '../ledger/index.js';
import { createStore, type StoreOptions } from '../store/store.js';
import { type ComposeDigest, composeFrom } from './compose.js';

/** A compose worker's setup for the app: its own connection to the app's store. */
export async function setupComposer(
  options: StoreOptions,
): Promise<{ compose: ComposeDigest; close(): Promise<void> }> {
  const store = await createStore(options);
  return {
    compose: composeFrom(new LedgerRepository(keyvLedgerKv(store.keyv))),
    close: () => store.close(),
  };
}

export const COMPOSE_STORE_SETUP = new URL(
  `./compose-store${new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);
