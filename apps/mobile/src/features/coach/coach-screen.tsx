import { useCallback, useState } from "react";
import type { ReactElement } from "react";
import { StyleSheet, View } from "react-native";
import { useTranslation } from "react-i18next";
import { chatRequestSchema, summarySchema } from "@fitcoach/contract";
import type { Insight } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { todayOnDevice } from "../../platform/local-date";
import { useRuntime } from "../../session/session-provider";
import { useOnlineQuery } from "../../sync/use-online-query";
import { Button } from "../../ui/button";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { BodyText, HelpText, Section } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { SPACING, usePalette } from "../../ui/theme";
import { streamCoachChat } from "./coach-chat";

/** Parts of the daily summary, in the order the coach lists them. */
export const SUMMARY_PARTS = ["wentWell", "toChange", "suggestions"] as const;

/** The coach: today's summary and a chat that knows the user's recent log. */
export function CoachScreen(): ReactElement {
  const { t } = useTranslation();
  return (
    <Screen title={t("coach.title")}>
      <DailySummary />
      <CoachChat />
    </Screen>
  );
}

function DailySummary(): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const date = todayOnDevice();
  const load = useCallback(
    () => runtime.api.request({ path: `/coach/summary/${date}`, schema: summarySchema }),
    [runtime, date],
  );
  const summary = useOnlineQuery(load);

  return (
    <Section title={t("coach.summary.title")}>
      {summary.isLoading && !summary.data ? <HelpText>{t("common.loading")}</HelpText> : null}
      <ProblemNotice error={summary.error} />
      {summary.data
        ? SUMMARY_PARTS.map((part) => (
            <InsightList
              key={part}
              title={t(`coach.summary.${part}`)}
              items={summary.data![part]}
            />
          ))
        : null}
    </Section>
  );
}

// The coach writes markdown; it is shown as plain text, so nothing in it can run or load.
function InsightList(props: { title: string; items: Insight[] }): ReactElement | null {
  if (props.items.length === 0) return null;
  return (
    <View style={styles.insights}>
      <BodyText>{props.title}</BodyText>
      {props.items.map((item, index) => (
        <HelpText key={index}>{`• ${item.text}`}</HelpText>
      ))}
    </View>
  );
}

interface ChatMessage {
  role: "user" | "assistant";
  text: string;
}

function CoachChat(): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const palette = usePalette();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [draft, setDraft] = useState("");
  const [streamed, setStreamed] = useState<string | null>(null);
  const [conversationId, setConversationId] = useState<string | undefined>(undefined);

  const form = useFormSubmit(chatRequestSchema, async (request) => {
    setMessages((previous) => [...previous, { role: "user", text: request.message }]);
    setDraft("");
    setStreamed("");
    try {
      const reply = await streamCoachChat(runtime, request, (text) =>
        setStreamed((previous) => (previous ?? "") + text),
      );
      setConversationId(reply.conversationId);
      setMessages((previous) => [...previous, { role: "assistant", text: reply.reply }]);
    } finally {
      setStreamed(null);
    }
  });

  return (
    <Section title={t("coach.chat.title")}>
      <HelpText>{t("coach.chat.help")}</HelpText>
      {messages.map((message, index) => (
        <View
          key={index}
          style={[
            styles.message,
            {
              alignSelf: message.role === "user" ? "flex-end" : "flex-start",
              backgroundColor:
                message.role === "user" ? palette.infoBackground : palette.background,
            },
          ]}
          accessibilityLabel={message.role === "user" ? t("coach.chat.you") : t("coach.chat.coach")}
        >
          <BodyText>{message.text}</BodyText>
        </View>
      ))}
      {streamed !== null ? (
        <View style={[styles.message, { backgroundColor: palette.background }]}>
          <BodyText>{streamed || t("coach.chat.thinking")}</BodyText>
        </View>
      ) : null}
      <TextField
        label={t("coach.chat.message")}
        value={draft}
        onChangeText={setDraft}
        error={form.fieldErrors.message}
        multiline
      />
      <ProblemNotice error={form.error} />
      <Button
        label={t("coach.chat.send")}
        pendingLabel={t("coach.chat.sending")}
        isPending={form.isPending}
        onPress={() => void form.submit({ message: draft, conversationId })}
      />
    </Section>
  );
}

const styles = StyleSheet.create({
  insights: { gap: SPACING / 3 },
  message: { borderRadius: 12, padding: SPACING, maxWidth: "90%" },
});
