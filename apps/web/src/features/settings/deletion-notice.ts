const DELETION_NOTICE_KEY = "fitcoach.deletionDueAt";

/**
 * Keeps the purge time of a just-deleted account for the login page. Deleting the account ends
 * every session, so the settings screen cannot stay open to show it.
 */
export function rememberDeletion(deletionDueAt: string): void {
  try {
    window.sessionStorage.setItem(DELETION_NOTICE_KEY, deletionDueAt);
  } catch {
    // Without storage the login page shows no notice; the emailed notice still has the date.
  }
}

/** Returns the purge time kept by rememberDeletion, or null. */
export function readDeletionNotice(): string | null {
  try {
    return window.sessionStorage.getItem(DELETION_NOTICE_KEY);
  } catch {
    return null;
  }
}

export function forgetDeletionNotice(): void {
  try {
    window.sessionStorage.removeItem(DELETION_NOTICE_KEY);
  } catch {
    // Nothing was stored.
  }
}
