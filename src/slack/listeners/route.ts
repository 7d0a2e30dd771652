/**
 * One listener per kind (all of them behind one middleware, see
 * `registerListeners`), taking every request of that kind and dispatching on
 * the id (so that an unknown id is acked too): Bolt runs every registered
 * listener's middleware chain (copying its arguments object at each step)
 * for every request, so with one listener per id a request paid for the
 * app's two dozen ids; measured, a third of the throughput.
 */
export type Routes<Args> = ReadonlyMap<string, (args: Args) => Promise<void>>;

/**
 * The listener that hands a request to the route for `idOf(args)`; a request
 * no route takes goes to `unknown` (to be acked at once: unacked, Slack shows
 * the user an error after three seconds).
 */
export function dispatch<Args>(
  routes: Routes<Args>,
  idOf: (args: Args) => string,
  unknown?: (args: Args, id: string) => Promise<void>,
): (args: Args) => Promise<void> {
  return async (args) => {
    const id = idOf(args);
    const route = routes.get(id);
    if (route) await route(args);
    else await unknown?.(args, id);
  };
}

/**
 * An id from a payload as it may be logged: the ids the app (or an older
 * version of it) sets are short words, but the payload is not ours to trust,
 * so anything else in it is masked and its length capped.
 */
export function loggableId(id: unknown): string {
  if (typeof id !== 'string') return '(none)';
  const safe = id.slice(0, 64).replace(/[^\w.:/=-]/g, '?');
  return id.length > 64 ? `${safe}…` : safe;
}
