import { useEffect, useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PushTestResult } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useDesktop } from "../../desktop/desktop-context";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { Loading } from "../../ui/spinner";
import { formatDateTime } from "../settings/format";
import {
  browserPushEnvironment,
  findRegistration,
  PushPermissionError,
  pushSupport,
  subscribeThisDevice,
  thisDeviceSubscriptionId,
  unsubscribeThisDevice,
} from "./push-subscription";
import type { PushEnvironment, PushSupport } from "./push-subscription";

const PUSH_DEVICES_QUERY_KEY = ["push", "subscriptions"] as const;

/**
 * Web push on this device and the list of every device that receives it, with a test push. The
 * environment is a parameter so tests can stand in for the browser's push features.
 */
export function PushSection(props: { environment?: PushEnvironment }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const desktop = useDesktop();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [environment] = useState(() => props.environment ?? browserPushEnvironment());
  const [support, setSupport] = useState<PushSupport | null>(null);
  const [isSubscribed, setSubscribed] = useState(false);
  const [testResult, setTestResult] = useState<PushTestResult | null>(null);
  const devices = useQuery({
    queryKey: PUSH_DEVICES_QUERY_KEY,
    queryFn: () => api.push.listSubscriptions(),
  });

  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const found = await pushSupport(environment, desktop !== null);
      const registration = found === "supported" ? await findRegistration(environment) : null;
      const subscription = await registration?.pushManager.getSubscription();
      if (!isCurrent) return;
      setSupport(found);
      setSubscribed(Boolean(subscription));
    })();
    return () => {
      isCurrent = false;
    };
  }, [environment, desktop]);

  const refreshDevices = (): Promise<void> =>
    queryClient.invalidateQueries({ queryKey: PUSH_DEVICES_QUERY_KEY });
  const subscribe = useMutation({
    mutationFn: () => subscribeThisDevice(api, environment),
    onSuccess: async () => {
      setSubscribed(true);
      await refreshDevices();
    },
  });
  const unsubscribe = useMutation({
    mutationFn: () => unsubscribeThisDevice(api, environment),
    onSuccess: async () => {
      setSubscribed(false);
      await refreshDevices();
    },
  });
  const removeDevice = useMutation({
    mutationFn: (id: string) => api.push.removeSubscription(id),
    onSuccess: refreshDevices,
  });
  const sendTest = useMutation({
    mutationFn: () => api.push.sendTest(),
    onSuccess: async (result) => {
      setTestResult(result);
      await refreshDevices();
    },
  });
  const thisDeviceId = isSubscribed ? thisDeviceSubscriptionId() : null;
  const permissionError = subscribe.error instanceof PushPermissionError ? subscribe.error : null;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("reminders.push.title")}</h2>
      <p>{t("reminders.push.help")}</p>
      {support === null ? <Loading /> : null}
      {support !== null && support !== "supported" ? (
        <Alert tone="info">{t(`reminders.push.support.${support}`)}</Alert>
      ) : null}
      {support === "supported" ? (
        <p className="button-row">
          {isSubscribed ? (
            <button
              type="button"
              className="button"
              disabled={unsubscribe.isPending}
              onClick={() => unsubscribe.mutate()}
            >
              {t("reminders.push.unsubscribe")}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              disabled={subscribe.isPending}
              onClick={() => subscribe.mutate()}
            >
              {t("reminders.push.subscribe")}
            </button>
          )}
        </p>
      ) : null}
      {permissionError ? (
        <Alert tone="error">{t("reminders.push.permissionDenied")}</Alert>
      ) : (
        <ProblemAlert error={subscribe.error} />
      )}
      <ProblemAlert error={unsubscribe.error ?? removeDevice.error ?? devices.error} />
      <h3>{t("reminders.push.devices")}</h3>
      {devices.isSuccess && devices.data.length === 0 ? (
        <p className="muted">{t("reminders.push.noDevices")}</p>
      ) : null}
      <ul className="item-list">
        {(devices.data ?? []).map((device) => (
          <li key={device.id} className="item">
            <div>
              <p className="item-title">
                {device.deviceLabel}
                {device.id === thisDeviceId ? (
                  <span className="badge">{t("reminders.push.thisDevice")}</span>
                ) : null}
              </p>
              <p className="item-meta">
                {device.lastSuccessAt
                  ? t("reminders.push.lastDelivered", {
                      time: formatDateTime(device.lastSuccessAt, i18n.language),
                    })
                  : t("reminders.push.added", {
                      time: formatDateTime(device.createdAt, i18n.language),
                    })}
              </p>
            </div>
            <button
              type="button"
              className="button"
              disabled={removeDevice.isPending}
              onClick={() => removeDevice.mutate(device.id)}
            >
              {t("reminders.push.remove")}
              <span className="visually-hidden"> ({device.deviceLabel})</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="button-row">
        <button
          type="button"
          className="button"
          disabled={sendTest.isPending || (devices.data ?? []).length === 0}
          onClick={() => {
            setTestResult(null);
            sendTest.mutate();
          }}
        >
          {t("reminders.push.test")}
        </button>
      </p>
      <ProblemAlert error={sendTest.error} />
      {testResult ? (
        <Alert tone={testResult.sent > 0 ? "success" : "info"}>
          {t("reminders.push.testResult", {
            sent: testResult.sent,
            removed: testResult.removed,
            failed: testResult.failed,
          })}
        </Alert>
      ) : null}
    </section>
  );
}
