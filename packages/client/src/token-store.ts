/** Tokens a client keeps between calls. Web clients keep only the access token; the browser keeps
 * the refresh token in an HttpOnly cookie that scripts cannot read. */
export interface StoredTokens {
  accessToken: string | null;
  /** Native clients only: the rotating refresh token. */
  refreshToken: string | null;
  /** Native clients only: the token that marks this device as known at the next login. */
  deviceToken: string | null;
}

/**
 * Storage for a client's tokens. Web uses memory; desktop and mobile plug in the operating
 * system's secure store. The client calls `load` once and `save` after every change.
 */
export interface TokenStore {
  load(): Promise<StoredTokens>;
  save(tokens: StoredTokens): Promise<void>;
}

export const EMPTY_TOKENS: StoredTokens = {
  accessToken: null,
  refreshToken: null,
  deviceToken: null,
};

/** Keeps tokens in this page's memory only, so a reload starts from the refresh cookie. */
export function createMemoryTokenStore(initial: Partial<StoredTokens> = {}): TokenStore {
  let tokens: StoredTokens = { ...EMPTY_TOKENS, ...initial };
  return {
    async load() {
      return { ...tokens };
    },
    async save(next) {
      tokens = { ...next };
    },
  };
}
