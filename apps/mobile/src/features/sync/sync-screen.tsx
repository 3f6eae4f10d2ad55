import type { ReactElement } from "react";
import { StyleSheet, View } from "react-native";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";

import { formatDateTime } from "../../i18n/format";
import { useRuntime } from "../../session/session-provider";
import { useWriteQueue } from "../../sync/use-write-queue";
import type { QueuedWrite } from "../../sync/write-queue";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { Screen } from "../../ui/screen";
import { BodyText, HelpText, Section } from "../../ui/section";
import { SPACING } from "../../ui/theme";
import { problemMessage } from "../../ui/problem-notice";

/** Lists changes waiting on this device, and lets the user settle conflicts and refusals. */
export function SyncScreen(): ReactElement {
  const { t } = useTranslation();
  const { writes } = useWriteQueue();

  return (
    <Screen title={t("sync.title")}>
      {writes.length === 0 ? <Notice tone="success">{t("sync.allSent")}</Notice> : null}
      {writes.map((write) => (
        <WriteItem key={write.id} write={write} />
      ))}
    </Screen>
  );
}

function WriteItem(props: { write: QueuedWrite }): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const { write } = props;
  const title = t(`writes.${write.kind}`, { defaultValue: write.kind });

  return (
    <Section title={title}>
      <HelpText>
        {t("sync.madeAt", { time: formatDateTime(write.createdAt, i18n.language) })}
      </HelpText>
      {write.status === "pending" ? <HelpText>{t("sync.waiting")}</HelpText> : null}
      {write.status === "rejected" ? (
        <>
          <Notice tone="error">
            {write.problem ? problemMessage(write.problem, t) : t("problems.unknown")}
          </Notice>
          <Button
            variant="secondary"
            label={t("sync.discard")}
            onPress={() => void runtime.discardWrite(write.id)}
          />
        </>
      ) : null}
      {write.status === "conflict" ? <ConflictChoice write={write} /> : null}
    </Section>
  );
}

/** Shows the local change beside the server's version and lets the user keep one. */
function ConflictChoice(props: { write: QueuedWrite }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const { write } = props;
  const serverBody = write.serverVersion?.body as Record<string, unknown> | null | undefined;
  const localBody = (write.body ?? {}) as Record<string, unknown>;
  const fields = Object.keys(localBody);

  return (
    <>
      <HelpText>{t("sync.conflictHelp")}</HelpText>
      <View style={styles.versions}>
        <View style={styles.version} accessibilityLabel={t("sync.mine")}>
          <BodyText>{t("sync.mine")}</BodyText>
          {write.method === "DELETE" ? (
            <HelpText>{t("sync.deleted")}</HelpText>
          ) : (
            fields.map((field) => (
              <HelpText key={field}>
                {fieldLabel(field, t)}: {displayValue(localBody[field], t)}
              </HelpText>
            ))
          )}
        </View>
        <View style={styles.version} accessibilityLabel={t("sync.theirs")}>
          <BodyText>{t("sync.theirs")}</BodyText>
          {serverBody ? (
            (fields.length > 0 ? fields : Object.keys(serverBody)).map((field) => (
              <HelpText key={field}>
                {fieldLabel(field, t)}: {displayValue(serverBody[field], t)}
              </HelpText>
            ))
          ) : (
            <HelpText>{t("sync.deleted")}</HelpText>
          )}
        </View>
      </View>
      <Button
        label={t("sync.keepMine")}
        onPress={() => void runtime.resolveConflict(write.id, "mine")}
      />
      <Button
        variant="secondary"
        label={t("sync.keepTheirs")}
        onPress={() => void runtime.resolveConflict(write.id, "theirs")}
      />
    </>
  );
}

function fieldLabel(field: string, t: TFunction): string {
  return t(`fields.${field}`, { defaultValue: field });
}

function displayValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined) return t("common.notSet");
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (Array.isArray(value)) return value.map((item) => displayValue(item, t)).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const styles = StyleSheet.create({
  versions: { flexDirection: "row", gap: SPACING },
  version: { flex: 1, gap: SPACING / 3 },
});
