import { useState } from "react";
import type { ReactElement } from "react";
import { Image, StyleSheet } from "react-native";
import { useTranslation } from "react-i18next";
import { isReauthenticationRequired } from "@fitcoach/client";
import type { TwoFactorSetup } from "@fitcoach/client";
import { twoFactorConfirmRequestSchema, twoFactorEnableRequestSchema } from "@fitcoach/contract";
import type { Me } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { BodyText, HelpText, Section } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { ReauthenticateForm } from "./reauthenticate-form";

/** Turns two-factor login on (QR code, first code, recovery codes) or off. */
export function TwoFactorSection(props: {
  me: Me | null;
  onChanged(): Promise<void>;
}): ReactElement {
  const { t } = useTranslation();
  const { me } = props;
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  let content: ReactElement;
  if (!me) content = <HelpText>{t("common.loading")}</HelpText>;
  else if (recoveryCodes) {
    content = <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  } else if (me.restrictions.includes("two-factor")) {
    content = <Notice tone="info">{t("problems.email-not-verified")}</Notice>;
  } else if (me.twoFactorEnabled) {
    content = <DisableTwoFactor onDisabled={props.onChanged} />;
  } else {
    content = (
      <EnableTwoFactor
        onEnabled={async (codes) => {
          setRecoveryCodes(codes);
          await props.onChanged();
        }}
      />
    );
  }

  return (
    <Section title={t("settings.twoFactor.title")}>
      <HelpText>
        {me?.twoFactorEnabled ? t("settings.twoFactor.enabled") : t("settings.twoFactor.intro")}
      </HelpText>
      {content}
    </Section>
  );
}

function EnableTwoFactor(props: { onEnabled(codes: string[]): Promise<void> }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [code, setCode] = useState("");

  async function start(): Promise<void> {
    try {
      setSetup(await runtime.api.me.setupTwoFactor());
      setError(null);
    } catch (caught) {
      if (isReauthenticationRequired(caught)) setNeedsPassword(true);
      else setError(caught);
    }
  }

  const form = useFormSubmit(twoFactorEnableRequestSchema, async (body) => {
    await props.onEnabled(await runtime.api.me.enableTwoFactor(body.code));
  });

  if (needsPassword) {
    return (
      <ReauthenticateForm
        onConfirmed={() => {
          setNeedsPassword(false);
          void start();
        }}
      />
    );
  }
  if (!setup) {
    return (
      <>
        <ProblemNotice error={error} />
        <Button label={t("settings.twoFactor.start")} onPress={() => void start()} />
      </>
    );
  }
  return (
    <>
      <HelpText>{t("settings.twoFactor.scan")}</HelpText>
      <Image
        source={{ uri: setup.qrCode }}
        style={styles.qrCode}
        accessibilityLabel={t("settings.twoFactor.qrAlt")}
      />
      <HelpText>{t("settings.twoFactor.manualEntry")}</HelpText>
      <BodyText>{setup.secret}</BodyText>
      <TextField
        label={t("fields.totpCode")}
        value={code}
        onChangeText={setCode}
        error={form.fieldErrors.code}
        keyboardType="number-pad"
        autoComplete="one-time-code"
        maxLength={6}
      />
      <ProblemNotice error={form.error} />
      <Button
        label={t("settings.twoFactor.enable")}
        isPending={form.isPending}
        onPress={() => void form.submit({ code: code.trim() })}
      />
    </>
  );
}

function RecoveryCodes(props: { codes: string[]; onDone(): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <BodyText>{t("settings.twoFactor.codesTitle")}</BodyText>
      <HelpText>{t("settings.twoFactor.codesHelp")}</HelpText>
      {props.codes.map((code) => (
        <BodyText key={code}>{code}</BodyText>
      ))}
      <Button label={t("settings.twoFactor.savedCodes")} onPress={props.onDone} />
    </>
  );
}

function DisableTwoFactor(props: { onDisabled(): Promise<void> }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");

  const form = useFormSubmit(twoFactorConfirmRequestSchema, async (body) => {
    await runtime.api.me.disableTwoFactor(body.password, { code: body.code ?? "" });
    await props.onDisabled();
  });

  return (
    <>
      <BodyText>{t("settings.twoFactor.disableTitle")}</BodyText>
      <TextField
        label={t("fields.password")}
        value={password}
        onChangeText={setPassword}
        error={form.fieldErrors.password}
        secureTextEntry
        autoCapitalize="none"
      />
      <TextField
        label={t("fields.totpCode")}
        value={code}
        onChangeText={setCode}
        error={form.fieldErrors.code}
        keyboardType="number-pad"
        maxLength={6}
      />
      <ProblemNotice error={form.error} />
      <Button
        variant="danger"
        label={t("settings.twoFactor.disable")}
        isPending={form.isPending}
        onPress={() => void form.submit({ password, code: code.trim() })}
      />
    </>
  );
}

const styles = StyleSheet.create({
  qrCode: { width: 200, height: 200, alignSelf: "center", backgroundColor: "#ffffff" },
});
