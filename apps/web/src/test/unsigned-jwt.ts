/** Builds an unsigned JWT with the given `sub`; the web app reads the claim but never verifies it. */
export function unsignedJwt(subject: string, tokenId = "t1"): string {
  const encode = (value: object): string =>
    Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "EdDSA" })}.${encode({ sub: subject, jti: tokenId })}.c2lnbmF0dXJl`;
}
