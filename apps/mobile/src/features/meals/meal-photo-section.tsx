import { useState } from "react";
import type { ReactElement } from "react";
import { Image, StyleSheet, View } from "react-native";
import { useTranslation } from "react-i18next";
import { ProblemError } from "@fitcoach/client";
import { foodSchema } from "@fitcoach/contract";
import type { Food } from "@fitcoach/contract";

import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { HelpText, Section } from "../../ui/section";
import { SPACING } from "../../ui/theme";
import { draftFromPhoto } from "./meal-draft";
import type { DraftItem } from "./meal-draft";
import { pickMealPhoto, recognizeMealPhoto } from "./meal-photo";
import type { PhotoSource, PickedPhoto } from "./meal-photo";

/**
 * Takes or picks a photo and sends it to the coach, which suggests the foods. The suggestions join
 * the new meal for the user to check before saving.
 */
export function MealPhotoSection(props: { onDraft(items: DraftItem[]): void }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [isPending, setPending] = useState(false);
  const [suggested, setSuggested] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function pick(source: PhotoSource): Promise<void> {
    const picked = await pickMealPhoto(source);
    if (!picked) return;
    setPhoto(picked);
    setSuggested(null);
    setError(null);
  }

  async function recognize(selected: PickedPhoto): Promise<void> {
    setPending(true);
    try {
      const draft = await recognizeMealPhoto(runtime, selected);
      const foods = new Map<string, Food>();
      for (const item of draft.items) {
        if (!item.foodId || foods.has(item.foodId)) continue;
        const path = `/foods/${encodeURIComponent(item.foodId)}`;
        foods.set(item.foodId, await runtime.api.request({ path, schema: foodSchema }));
      }
      const items = draftFromPhoto(draft, foods);
      props.onDraft(items);
      setSuggested(items.length);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  const reason = error instanceof ProblemError ? error.reason : null;
  return (
    <Section title={t("meals.photo.title")}>
      <HelpText>{t("meals.photo.help")}</HelpText>
      <View style={styles.row}>
        <Button
          variant="secondary"
          label={t("meals.photo.camera")}
          onPress={() => void pick("camera")}
        />
        <Button
          variant="secondary"
          label={t("meals.photo.library")}
          onPress={() => void pick("library")}
        />
      </View>
      {photo ? (
        <>
          <Image
            source={{ uri: photo.uri }}
            style={styles.preview}
            accessibilityLabel={t("meals.photo.preview")}
          />
          <Button
            label={t("meals.photo.recognize")}
            pendingLabel={t("meals.photo.recognizing")}
            isPending={isPending}
            onPress={() => void recognize(photo)}
          />
        </>
      ) : null}
      {reason === "vision-model-required" ? (
        <Notice tone="info">{t("meals.photo.noVisionModel")}</Notice>
      ) : reason === "consent-required" ? (
        <Notice tone="info">{t("meals.photo.consentRequired")}</Notice>
      ) : (
        <ProblemNotice error={error} />
      )}
      {suggested !== null ? (
        <Notice tone="success">{t("meals.photo.suggested", { count: suggested })}</Notice>
      ) : null}
    </Section>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", flexWrap: "wrap", gap: SPACING / 2 },
  preview: { width: "100%", aspectRatio: 4 / 3, borderRadius: 10 },
});
