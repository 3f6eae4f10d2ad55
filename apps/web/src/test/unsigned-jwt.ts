/** Builds an unsigned JWT with the given `sub`, which the web app reads but never verifies. */
export function unsignedJwt(subject: string, tokenId = "t1"): string {
  const encode = (value: object): string =>
    Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "EdDSA" })}.${encode({ sub: subject, jti: tokenId })}.c2lnbmF0dXJl`;
}
