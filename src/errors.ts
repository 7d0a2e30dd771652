/**
 * An error's name, for logs: never its message, which may hold a user's text
 * or a connection string. Anything thrown that has no name is an `Error`.
 */
export function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}

/**
 * An error's message, where it is meant for the reader (a CLI user's own
 * file, a Slack API refusal): never for one that may quote a user's note.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
