import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** ~49k most common passwords, from the maintained zxcvbn-ts common dictionary. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/**
 * Returns why a password is refused, or null when it is acceptable. Length counts characters
 * (code points), as people do.
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `Password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) return 'Password is on a list of commonly used passwords';
  if (new Set(password).size < 4) return 'Password repeats too few different characters';
  const personal = [context.email?.toLowerCase(), context.email?.split('@')[0]?.toLowerCase(), context.name?.toLowerCase()];
  if (personal.some((p) => p && p.length >= 4 && lowered === p)) return 'Password must not be your name or e-mail address';
  return null;
}
