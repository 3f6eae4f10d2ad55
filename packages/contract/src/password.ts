/**
 * Password length rules shared by the server and every client. Lengths count Unicode code points
 * after NFKC normalisation, which is also the form the server hashes, so "ﬁ" and "fi" are the same
 * password everywhere.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Lowest zxcvbn score (0 to 4) that the password policy accepts. */
export const PASSWORD_MIN_SCORE = 3;

export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

export function countPasswordCharacters(password: string): number {
  return [...normalizePassword(password)].length;
}

/** Returns the reason a password breaks the length rule, or null when it fits. */
export function checkPasswordLength(password: string): string | null {
  const length = countPasswordCharacters(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return `Password must have at least ${PASSWORD_MIN_LENGTH} characters (it has ${length}).`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Password must have at most ${PASSWORD_MAX_LENGTH} characters (it has ${length}).`;
  }
  return null;
}
