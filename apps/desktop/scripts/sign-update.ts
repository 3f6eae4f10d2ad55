// Signs release files for the Linux update check, or creates the key pair for it.
//
//   npm run sign-update -w @fitcoach/desktop -- generate-key <folder>
//   npm run sign-update -w @fitcoach/desktop -- sign <private-key.pem> <file>...
//
// "sign" writes <file>.sig next to each file; upload the .sig files with the release. The version
// signed is the one in apps/desktop/package.json, which electron-builder also put into the files.
import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import desktopPackage from "../package.json" with { type: "json" };
import { sha512OfFile, updateSignatureMessage } from "../src/main/updates/update-signature";

function generateKey(folder: string): void {
  const privatePath = path.join(folder, "update-private-key.pem");
  const publicPath = path.join(folder, "update-public-key.pem");
  if (existsSync(privatePath)) {
    throw new TypeError(`${privatePath} exists already; move it away to create a new key.`);
  }

  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  writeFileSync(privatePath, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  writeFileSync(publicPath, publicKey.export({ type: "spki", format: "pem" }));
  console.log(`Wrote ${privatePath} (keep it secret) and ${publicPath}.`);
}

async function signFiles(privateKeyPath: string, files: string[]): Promise<void> {
  const privateKey = createPrivateKey(readFileSync(privateKeyPath));
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new TypeError(`${privateKeyPath} is not an Ed25519 private key.`);
  }

  for (const file of files) {
    const digest = await sha512OfFile(file);
    const message = updateSignatureMessage(desktopPackage.version, path.basename(file), digest);
    writeFileSync(`${file}.sig`, sign(null, message, privateKey).toString("base64"));
    console.log(`Signed ${file} as version ${desktopPackage.version}.`);
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === "generate-key" && rest.length === 1) {
  generateKey(rest[0]!);
} else if (command === "sign" && rest.length >= 2) {
  await signFiles(rest[0]!, rest.slice(1));
} else {
  console.error("Usage: sign-update generate-key <folder> | sign <private-key.pem> <file>...");
  process.exit(2);
}
