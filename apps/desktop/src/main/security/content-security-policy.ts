/** Directives of a Content-Security-Policy, each with its list of sources. */
export type PolicyDirectives = Record<string, readonly string[]>;

/**
 * Policy of the web app inside the desktop shell. It matches the policy the server sends with the
 * web app (only its own scripts and styles, no inline code, no eval), and adds the chosen server
 * to connect-src because the pages are not served by that server here.
 */
export function rendererPolicyDirectives(serverOrigin: string | null): PolicyDirectives {
  const connectSources = serverOrigin === null ? ["'self'"] : ["'self'", serverOrigin];
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": connectSources,
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

/** Policy of the first-run page, which needs its own script and style and nothing else. */
export function setupPolicyDirectives(): PolicyDirectives {
  return {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "connect-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
  };
}

export function serializePolicy(directives: PolicyDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** Parses a serialized policy back into directives; the security checklist test reads it. */
export function parsePolicy(policy: string): PolicyDirectives {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

/**
 * Inserts the policy as a meta tag at the start of <head>, before any script. frame-ancestors is
 * left out because browsers ignore it in meta tags; the response header still carries it.
 */
export function injectPolicyMetaTag(html: string, directives: PolicyDirectives): string {
  const { "frame-ancestors": _ignored, ...metaDirectives } = directives;
  const content = serializePolicy(metaDirectives).replaceAll('"', "&quot;");
  const tag = `<meta http-equiv="Content-Security-Policy" content="${content}">`;

  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head === null) return tag + html;
  const insertAt = head.index + head[0].length;
  return html.slice(0, insertAt) + tag + html.slice(insertAt);
}
