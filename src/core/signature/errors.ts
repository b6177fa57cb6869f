/**
 * A signature (or field type) that DSPy would not accept. `reason` says what is wrong;
 * `column` (1-based, in the text that was parsed) says where, when there is a place to point at.
 */
export class SignatureError extends Error {
  override readonly name = 'SignatureError';
  constructor(
    readonly reason: string,
    readonly column?: number,
    readonly source?: string,
  ) {
    super(describe(reason, column, source));
  }
}

function describe(reason: string, column?: number, source?: string): string {
  const where = column === undefined ? '' : ` (column ${column})`;
  return source === undefined ? `${reason}${where}` : `invalid signature "${source}": ${reason}${where}`;
}
