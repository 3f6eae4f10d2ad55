import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { twoFactorEnableRequestSchema } from "@fitcoach/contract";
import type { Me } from "@fitcoach/contract";
import { isReauthenticationRequired } from "@fitcoach/client";
import type { TwoFactorSetup } from "@fitcoach/client";

import { useApi } from "../../app/api-context";
import { ME_QUERY_KEY } from "../../app/me-query";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { ReauthenticateForm } from "./reauthenticate-form";
import { RecoveryCodes } from "./recovery-codes";
import { SettingsSection } from "./settings-section";
import { TwoFactorConfirmForm } from "./two-factor-confirm-form";

/** Step that the server rejected until the password is confirmed again. */
type ReauthenticationStep = "setup" | "enable";

/**
 * Turns TOTP login on (QR code, first code, recovery codes) or off, and renews recovery codes.
 * Setup and enable need a recent login. When the server requests one, the section prompts for the
 * password and then repeats the rejected step.
 */
export function TwoFactorSection(props: { me: Me }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState("");
  const [pendingStep, setPendingStep] = useState<ReauthenticationStep | null>(null);

  const enableForm = useFormSubmit(twoFactorEnableRequestSchema, async (body) => {
    try {
      const codes = await api.me.enableTwoFactor(body.code);
      setSetup(null);
      setCode("");
      setRecoveryCodes(codes);
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    } catch (error) {
      if (!isReauthenticationRequired(error)) throw error;
      setPendingStep("enable");
    }
  });

  async function startSetup(): Promise<void> {
    setSetupError(null);
    try {
      setSetup(await api.me.setupTwoFactor());
    } catch (error) {
      if (isReauthenticationRequired(error)) setPendingStep("setup");
      else setSetupError(error);
    }
  }

  function repeatPendingStep(): void {
    const step = pendingStep;
    setPendingStep(null);
    if (step === "setup") void startSetup();
    if (step === "enable") void enableForm.submit({ code: code.trim() });
  }

  if (recoveryCodes) {
    return (
      <SettingsSection title={t("settings.twoFactor.title")}>
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      </SettingsSection>
    );
  }

  if (pendingStep) {
    return (
      <SettingsSection title={t("settings.twoFactor.title")}>
        <ReauthenticateForm onConfirmed={repeatPendingStep} onCancel={() => setPendingStep(null)} />
      </SettingsSection>
    );
  }

  if (props.me.twoFactorEnabled) {
    return (
      <SettingsSection title={t("settings.twoFactor.title")}>
        <Alert tone="info">{t("settings.twoFactor.enabled")}</Alert>
        <h3>{t("settings.twoFactor.newCodesTitle")}</h3>
        <TwoFactorConfirmForm
          submitLabel={t("settings.twoFactor.newCodes")}
          action={async (password, factor) => {
            setRecoveryCodes(await api.me.regenerateRecoveryCodes(password, factor));
          }}
        />
        <h3>{t("settings.twoFactor.disableTitle")}</h3>
        <TwoFactorConfirmForm
          submitLabel={t("settings.twoFactor.disable")}
          action={async (password, factor) => {
            await api.me.disableTwoFactor(password, factor);
            await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
          }}
        />
      </SettingsSection>
    );
  }

  if (props.me.restrictions.includes("two-factor")) {
    return (
      <SettingsSection title={t("settings.twoFactor.title")}>
        <p>{t("settings.twoFactor.intro")}</p>
        <Alert tone="info">{t("settings.needsVerifiedEmail")}</Alert>
      </SettingsSection>
    );
  }

  return (
    <SettingsSection title={t("settings.twoFactor.title")}>
      <p>{t("settings.twoFactor.intro")}</p>
      {setup ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void enableForm.submit({ code: code.trim() });
          }}
        >
          <p>{t("settings.twoFactor.scan")}</p>
          <img
            className="qr-code"
            src={setup.qrCode}
            alt={t("settings.twoFactor.qrAlt")}
            width={200}
            height={200}
          />
          <p>
            {t("settings.twoFactor.manualEntry")} <code className="secret">{setup.secret}</code>
          </p>
          <TextField
            label={t("fields.totpCode")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={enableForm.fieldErrors.code}
          />
          <ProblemAlert error={enableForm.error} />
          <button type="submit" className="button button-primary" disabled={enableForm.isPending}>
            {t("settings.twoFactor.enable")}
          </button>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => void startSetup()}>
          {t("settings.twoFactor.start")}
        </button>
      )}
      <ProblemAlert error={setupError} />
    </SettingsSection>
  );
}
