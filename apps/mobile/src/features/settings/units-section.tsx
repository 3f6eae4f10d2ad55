import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { UNITS, WEEK_STARTS } from "@fitcoach/contract";
import type { Me } from "@fitcoach/contract";

import { useRuntime } from "../../session/session-provider";
import { ChoiceList } from "../../ui/choice-list";
import { Section } from "../../ui/section";
import { queueProfileChange } from "./use-me";

/** Unit system and first day of the week; each choice is saved at once through the queue. */
export function UnitsSection(props: { me: Me | null }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();

  return (
    <Section title={t("settings.units.title")}>
      <ChoiceList
        label={t("fields.units")}
        choices={UNITS.map((value) => ({ value, label: t(`settings.units.systems.${value}`) }))}
        selected={props.me?.units ?? null}
        onSelect={(units) => void queueProfileChange(runtime, { units })}
      />
      <ChoiceList
        label={t("fields.weekStartsOn")}
        choices={WEEK_STARTS.map((value) => ({
          value,
          label: t(`settings.units.weekStarts.${value}`),
        }))}
        selected={props.me?.weekStartsOn ?? null}
        onSelect={(weekStartsOn) => void queueProfileChange(runtime, { weekStartsOn })}
      />
    </Section>
  );
}
