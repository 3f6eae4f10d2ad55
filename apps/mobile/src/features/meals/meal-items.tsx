import type { ReactElement } from "react";
import { StyleSheet, View } from "react-native";
import { useTranslation } from "react-i18next";

import { formatNumber } from "../../i18n/format";
import { Button } from "../../ui/button";
import { ChoiceList } from "../../ui/choice-list";
import { BodyText, HelpText } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { SPACING } from "../../ui/theme";
import { itemKcal } from "./meal-draft";
import type { DraftItem } from "./meal-draft";

const GRAMS = "grams";

/** Renders the items of the meal being put together: portion and amount of each, and its energy. */
export function MealItems(props: {
  items: readonly DraftItem[];
  errors: Record<string, string>;
  onChange(index: number, item: DraftItem): void;
  onRemove(index: number): void;
}): ReactElement {
  const { t, i18n } = useTranslation();

  return (
    <>
      {props.items.map((item, index) => {
        const kcal = itemKcal(item);
        const name = item.kind === "food" ? item.food.name : item.name;
        const prefix = `items.${index}`;
        return (
          <View key={`${name}-${index}`} style={styles.item}>
            <BodyText>{name}</BodyText>
            {item.kind === "food" ? (
              <>
                {item.food.portions.length > 0 ? (
                  <ChoiceList
                    label={t("meals.portion")}
                    choices={[
                      { value: GRAMS, label: t("meals.grams") },
                      ...item.food.portions.map((portion) => ({
                        value: portion.id,
                        label: t("meals.portionWeight", {
                          unit: portion.unit,
                          grams: formatNumber(portion.grams, i18n.language, 0),
                        }),
                      })),
                    ]}
                    selected={item.portion?.id ?? GRAMS}
                    onSelect={(value) =>
                      props.onChange(index, {
                        ...item,
                        portion: item.food.portions.find((portion) => portion.id === value) ?? null,
                        amount: value === GRAMS ? "100" : "1",
                      })
                    }
                  />
                ) : null}
                <TextField
                  label={item.portion ? t("meals.quantity") : t("meals.amountGrams")}
                  value={item.amount}
                  onChangeText={(amount) => props.onChange(index, { ...item, amount })}
                  error={
                    props.errors[`${prefix}.grams`] ??
                    props.errors[`${prefix}.quantity`] ??
                    props.errors[prefix]
                  }
                  keyboardType="decimal-pad"
                />
              </>
            ) : (
              <HelpText>
                {t("meals.freeItem", { grams: formatNumber(item.grams, i18n.language, 0) })}
              </HelpText>
            )}
            <HelpText>
              {kcal === null
                ? t("meals.kcalUnknown")
                : t("meals.kcal", { kcal: formatNumber(kcal, i18n.language, 0) })}
            </HelpText>
            {item.kind === "free" && props.errors[prefix] ? (
              <HelpText>{props.errors[prefix]}</HelpText>
            ) : null}
            <Button
              variant="link"
              label={t("today.remove")}
              accessibilityLabel={t("meals.removeItem", { name })}
              onPress={() => props.onRemove(index)}
            />
          </View>
        );
      })}
    </>
  );
}

const styles = StyleSheet.create({
  item: { gap: SPACING / 3, paddingVertical: SPACING / 2 },
});
