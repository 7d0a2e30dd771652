/** Bad input to the ledger: nothing was changed. The message says what to fix. */
export class LedgerInputError extends TypeError {
  override name = 'LedgerInputError';
}

/** A stored record failed validation on read. Carries the key, never the record's content. */
export class LedgerRecordError extends Error {
  override name = 'LedgerRecordError';
  constructor(
    message: string,
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
