/** What an audit row's detail may hold: plain JSON. */
export type AuditValue = string | number | boolean | null | readonly AuditValue[] | { readonly [key: string]: AuditValue };
export type AuditDetail = Readonly<Record<string, AuditValue>>;

/** Names under which a credential could hide: such a key is never written, whatever its value. */
const SECRET_KEY = /pass(word|phrase)|hash|token|secret|cookie|authorization|credential|api_?key/i;
/** A password hash's PHC prefix, in case one arrives under an innocent name. */
const HASH_VALUE = /^\$(argon2|2[aby]?\$|scrypt|pbkdf2)/;

/** A detail is a few facts for a reader, not a copy of the record. */
export const MAX_DETAIL_BYTES = 16 * 1024;

/**
 * Why a detail may not be written, or null when it may. The writer refuses (and the action's
 * transaction rolls back) rather than store a secret: a bug shows up as a failed request in
 * testing, never as a credential in the log.
 */
export function auditDetailProblem(detail: AuditDetail): string | null {
  const problem = secretIn(detail, '');
  if (problem) return problem;
  const bytes = Buffer.byteLength(JSON.stringify(detail));
  return bytes > MAX_DETAIL_BYTES ? `detail is ${bytes} bytes, more than ${MAX_DETAIL_BYTES}` : null;
}

function secretIn(value: AuditValue, path: string): string | null {
  if (typeof value === 'string') return HASH_VALUE.test(value) ? `${path || 'detail'} holds a password hash` : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const [index, item] of (value as readonly AuditValue[]).entries()) {
      const found = secretIn(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, AuditValue>)) {
    const at = path ? `${path}.${key}` : key;
    if (SECRET_KEY.test(key)) return `${at} may hold a credential`;
    const found = secretIn(item, at);
    if (found) return found;
  }
  return null;
}
