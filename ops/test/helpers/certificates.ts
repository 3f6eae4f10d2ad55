import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";

import { runOk } from "./process";

/**
 * Writes a throwaway CA (ca.crt) and a certificate for the host name "mail" signed by it
 * (mail.crt, mail.key) into a folder, for the mail catcher's STARTTLS. The key is readable by all
 * because the catcher runs as an unprivileged user in its container; it protects nothing real.
 */
export async function writeMailCertificates(folder: string): Promise<void> {
  const file = (name: string): string => path.join(folder, name);

  await runOk("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=FitCoach ops test CA",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.crt"),
  ]);
  await runOk("openssl", [
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=mail",
    "-keyout",
    file("mail.key"),
    "-out",
    file("mail.csr"),
  ]);
  writeFileSync(file("mail.ext"), "subjectAltName=DNS:mail\n");
  await runOk("openssl", [
    "x509",
    "-req",
    "-days",
    "2",
    "-in",
    file("mail.csr"),
    "-CA",
    file("ca.crt"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-extfile",
    file("mail.ext"),
    "-out",
    file("mail.crt"),
  ]);
  chmodSync(file("mail.key"), 0o644);
}
