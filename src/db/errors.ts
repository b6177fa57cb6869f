/** The browser refused a write for lack of space. The transaction was rolled back whole. */
export class DbQuotaError extends Error {
  override readonly name = 'DbQuotaError';

  constructor(
    /** What was being saved, e.g. "save project \"Add two numbers\"". */
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Browser storage is full: could not ${operation}. Nothing was written. ` +
        'Free space by clearing the LM cache, or by deleting old runs or datasets, then try again.',
      options,
    );
  }
}

/** A record the caller named does not exist. */
export class DbNotFoundError extends Error {
  override readonly name = 'DbNotFoundError';

  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`${table}: no record with id ${JSON.stringify(id)}`);
  }
}

/** A write that would break a rule of the data (a duplicate id, a dangling reference). */
export class DbConflictError extends Error {
  override readonly name = 'DbConflictError';
}

// Browsers report a full disk in several shapes: the request's error, the transaction's abort
// reason (Dexie puts it in `inner`), or one failure of a bulk write.
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'DbQuotaError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/** Runs a write; a quota failure comes out as a DbQuotaError naming the operation. */
export async function guardWrite<T>(operation: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DbQuotaError) throw error;
    if (isQuotaError(error)) throw new DbQuotaError(operation, { cause: error });
    throw error;
  }
}
