import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";

import { useWriteQueue } from "../../sync/use-write-queue";
import { Notice } from "../../ui/notice";
import { TextLink } from "../../ui/text-link";

/**
 * Says whether changes wait on this device and why: no connection, conflicts to settle, or
 * changes the server refused. Shows nothing when everything is sent.
 */
export function SyncStatus(): ReactElement | null {
  const { t } = useTranslation();
  const { writes, lastSync } = useWriteQueue();
  const conflicts = writes.filter((write) => write.status === "conflict").length;
  const rejected = writes.filter((write) => write.status === "rejected").length;
  const pending = writes.filter((write) => write.status === "pending").length;

  if (conflicts > 0 || rejected > 0) {
    return (
      <>
        <Notice tone="warning">
          {conflicts > 0 ? t("sync.conflicts", { count: conflicts }) : ""}
          {conflicts > 0 && rejected > 0 ? " " : ""}
          {rejected > 0 ? t("sync.rejected", { count: rejected }) : ""}
        </Notice>
        <TextLink href="/sync" label={t("sync.review")} />
      </>
    );
  }
  if (pending === 0) return null;

  const isOffline = lastSync?.state === "offline";
  return (
    <Notice tone="info">
      {isOffline ? t("sync.offline", { count: pending }) : t("sync.sending", { count: pending })}
    </Notice>
  );
}
