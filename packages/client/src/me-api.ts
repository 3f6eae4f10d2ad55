import {
  accountDeletionResponseSchema,
  auditPageSchema,
  importJobSchema,
  meSchema,
  recoveryCodesResponseSchema,
  sessionListSchema,
  twoFactorSetupResponseSchema,
} from "@fitcoach/contract";
import type { ImportFields, ImportJob, Me, MePatch, Session } from "@fitcoach/contract";
import { z } from "zod";

import type { ApiClientCore } from "./api-client";
import type { SecondFactor } from "./auth-api";

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEvent = AuditPage["items"][number];
export type TwoFactorSetup = z.infer<typeof twoFactorSetupResponseSchema>;
export type ExportFormat = "json" | "csv";

const importListSchema = z.object({ items: z.array(importJobSchema) });

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
  /**
   * Downloads every record of the account as one JSON document or a zip of CSV files; needs a
   * login within the server's reauthentication window.
   */
  exportData(format?: ExportFormat): Promise<DownloadedFile>;
  /** Uploads an export file; the import runs in the background, so poll `getImport`. */
  startImport(file: Blob, fileName: string, fields: ImportFields): Promise<ImportJob>;
  getImport(id: string): Promise<ImportJob>;
  listImports(): Promise<ImportJob[]>;
  /** Disables the account at once and resolves to when its data will be purged (ISO instant). */
  deleteAccount(password: string): Promise<{ deletionDueAt: string }>;
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
    async exportData(format = "json") {
      const response = await core.send<Blob>({
        path: "/me/export",
        query: { format },
        responseType: "blob",
      });
      return {
        blob: response.data,
        fileName: fileNameFromDisposition(response.headers.get("content-disposition")),
      };
    },
    startImport(file, fileName, fields) {
      // Fields go first so the server can read them before the file streams in.
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) {
        if (value !== undefined) form.append(name, value);
      }
      form.append("file", file, fileName);
      return core.request({
        method: "POST",
        path: "/me/import",
        body: form,
        schema: importJobSchema,
      });
    },
    getImport: (id) =>
      core.request({ path: `/me/imports/${encodeURIComponent(id)}`, schema: importJobSchema }),
    async listImports() {
      return (await core.request({ path: "/me/imports", schema: importListSchema })).items;
    },
    deleteAccount: (password) =>
      core.request({
        method: "DELETE",
        path: "/me",
        body: { password },
        schema: accountDeletionResponseSchema,
      }),
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
