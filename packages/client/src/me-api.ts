import {
  auditPageSchema,
  meSchema,
  recoveryCodesResponseSchema,
  sessionListSchema,
  twoFactorSetupResponseSchema,
} from "@fitcoach/contract";
import type { Me, MePatch, Session } from "@fitcoach/contract";
import type { z } from "zod";

import type { ApiClientCore } from "./api-client";
import type { SecondFactor } from "./auth-api";

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEvent = AuditPage["items"][number];
export type TwoFactorSetup = z.infer<typeof twoFactorSetupResponseSchema>;

/** A file the server sent for download, with the name from Content-Disposition. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export interface MeApi {
  get(): Promise<Me>;
  update(patch: MePatch): Promise<Me>;
  listSessions(): Promise<Session[]>;
  revokeSession(sessionId: string): Promise<void>;
  listAudit(cursor?: string): Promise<AuditPage>;
  setupTwoFactor(): Promise<TwoFactorSetup>;
  enableTwoFactor(code: string): Promise<string[]>;
  disableTwoFactor(password: string, factor: SecondFactor): Promise<void>;
  regenerateRecoveryCodes(password: string, factor: SecondFactor): Promise<string[]>;
  changeEmail(password: string, newEmail: string): Promise<void>;
  /** Downloads every record of the account; needs a login within the server's reauthentication window. */
  exportData(): Promise<DownloadedFile>;
  deleteAccount(password: string): Promise<void>;
}

const EXPORT_FILE_NAME_DEFAULT = "fitcoach-export.json";

export function createMeApi(core: ApiClientCore): MeApi {
  return {
    get: () => core.request({ path: "/me", schema: meSchema }),
    update: (patch) =>
      core.request({ method: "PATCH", path: "/me", body: patch, schema: meSchema }),
    async listSessions() {
      const page = await core.request({ path: "/me/sessions", schema: sessionListSchema });
      return page.items;
    },
    async revokeSession(sessionId) {
      await core.request({
        method: "DELETE",
        path: `/me/sessions/${encodeURIComponent(sessionId)}`,
      });
    },
    listAudit: (cursor) =>
      core.request({ path: "/me/audit", query: { cursor }, schema: auditPageSchema }),
    setupTwoFactor: () =>
      core.request({ method: "POST", path: "/me/2fa/setup", schema: twoFactorSetupResponseSchema }),
    async enableTwoFactor(code) {
      const answer = await core.request({
        method: "POST",
        path: "/me/2fa/enable",
        body: { code },
        schema: recoveryCodesResponseSchema,
      });
      return answer.recoveryCodes;
    },
    async disableTwoFactor(password, factor) {
      await core.request({
        method: "POST",
        path: "/me/2fa/disable",
        body: { password, ...factor },
      });
    },
    async regenerateRecoveryCodes(password, factor) {
      const answer = await core.request({
        method: "POST",
        path: "/me/2fa/recovery-codes",
        body: { password, ...factor },
        schema: recoveryCodesResponseSchema,
      });
      return answer.recoveryCodes;
    },
    async changeEmail(password, newEmail) {
      await core.request({ method: "POST", path: "/me/email", body: { password, newEmail } });
    },
    async exportData() {
      const response = await core.send<Blob>({ path: "/me/export", responseType: "blob" });
      return {
        blob: response.data,
        fileName: fileNameFromDisposition(response.headers.get("content-disposition")),
      };
    },
    async deleteAccount(password) {
      await core.request({ method: "DELETE", path: "/me", body: { password } });
    },
  };
}

/** Reads the file name of a Content-Disposition header, keeping only safe characters. */
export function fileNameFromDisposition(header: string | null): string {
  if (!header) return EXPORT_FILE_NAME_DEFAULT;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(header)?.[1];
  let name = plain ?? EXPORT_FILE_NAME_DEFAULT;
  if (encoded) {
    try {
      name = decodeURIComponent(encoded);
    } catch {
      // A malformed percent sequence leaves the plain name in place.
    }
  }
  const safe = name.replace(/[^\p{L}\p{N}._ -]/gu, "_").trim();
  return safe || EXPORT_FILE_NAME_DEFAULT;
}
