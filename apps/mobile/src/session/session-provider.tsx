import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { ReactElement, ReactNode } from "react";
import { ActivityIndicator, StyleSheet, View } from "react-native";
import { I18nextProvider } from "react-i18next";
import type { i18n as I18n } from "i18next";
import { EMPTY_TOKENS } from "@fitcoach/client";

import { cancelReminders } from "../features/reminders/local-notifications";
import { createI18n } from "../i18n/i18n";
import { pickLanguage } from "../i18n/languages";
import type { Language } from "../i18n/languages";
import { createMobileRuntime } from "../runtime/mobile-runtime";
import type { MobileRuntime } from "../runtime/mobile-runtime";
import { readDevicePreference, writeDevicePreference } from "../storage/device-preferences";
import { migrateLocalDatabase } from "../storage/schema";
import type { SqlDatabase } from "../storage/sql-database";
import { Notice } from "../ui/notice";
import type { AppServices } from "./app-services";
import { claimLocalData } from "./claim-local-data";

/** Whether an account is signed in on this device. */
export type SessionStatus = "signed-out" | "signed-in";

export interface SessionValue {
  status: SessionStatus;
  /** Whether the server ended the last session (not the user), so the login screen can explain. */
  endedBySystem: boolean;
  services: AppServices;
  database: SqlDatabase;
  /** The runtime of the server in use; null until a server address is known. */
  runtime: MobileRuntime | null;
  /**
   * Returns the runtime for `serverUrl`, replacing the current one when the server differs. Tokens
   * issued by another server (the device token outlives logouts) are deleted first, so no server
   * ever receives another server's token.
   */
  connect(serverUrl: string): Promise<MobileRuntime>;
  language: Language;
  /** Whether the language was chosen in settings rather than taken from the device. */
  isLanguageChosen: boolean;
  /** Sets the app's language; null follows the device again. */
  changeLanguage(language: Language | null): Promise<void>;
  /** Whether reminder rules become local notifications on this device. */
  areRemindersOnDevice: boolean;
  setRemindersOnDevice(isOn: boolean): Promise<void>;
}

interface Boot {
  database: SqlDatabase;
  i18n: I18n;
  runtime: MobileRuntime | null;
  isSignedIn: boolean;
  savedLanguage: Language | null;
  areRemindersOnDevice: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Opens the local database, restores the session from the secure store and picks the language. */
async function boot(services: AppServices): Promise<Boot> {
  const database = await services.openDatabase();
  await migrateLocalDatabase(database);

  const saved = await readDevicePreference(database, "language");
  const language = pickLanguage(saved, services.deviceLanguageTags());
  const serverUrl = await readDevicePreference(database, "server-url");
  const tokens = await services.tokenStore.load();
  const runtime = serverUrl ? startRuntime(services, database, serverUrl) : null;
  const remindersOnDevice = await readDevicePreference(database, "reminders-on-device");

  return {
    database,
    i18n: createI18n(language),
    runtime,
    isSignedIn: Boolean(runtime && tokens.refreshToken),
    savedLanguage: saved === language ? language : null,
    areRemindersOnDevice: remindersOnDevice === "on",
  };
}

function startRuntime(
  services: AppServices,
  database: SqlDatabase,
  serverUrl: string,
): MobileRuntime {
  return createMobileRuntime({
    database,
    serverUrl,
    tokenStore: services.tokenStore,
    fetch: services.fetch,
    connectivity: services.connectivity,
  });
}

/** Provides the session, the local database and the language to every screen. */
export function SessionProvider(props: {
  services: AppServices;
  children: ReactNode;
}): ReactElement {
  const [booted, setBooted] = useState<Boot | null>(null);
  const [bootError, setBootError] = useState<unknown>(null);

  useEffect(() => {
    let isCurrent = true;
    boot(props.services).then(
      (result) => {
        if (isCurrent) setBooted(result);
      },
      (error: unknown) => {
        console.error("starting the app failed", error instanceof Error ? error.name : error);
        if (isCurrent) setBootError(error);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [props.services]);

  if (bootError) return <BootFailure services={props.services} />;
  if (!booted) {
    return (
      <View style={styles.splash}>
        <ActivityIndicator />
      </View>
    );
  }
  return (
    <BootedSession services={props.services} boot={booted}>
      {props.children}
    </BootedSession>
  );
}

function BootedSession(props: {
  services: AppServices;
  boot: Boot;
  children: ReactNode;
}): ReactElement {
  const { services, boot: initial } = props;
  const { database, i18n } = initial;
  const [runtime, setRuntime] = useState<MobileRuntime | null>(initial.runtime);
  const [status, setStatus] = useState<SessionStatus>(
    initial.isSignedIn ? "signed-in" : "signed-out",
  );
  const [endedBySystem, setEndedBySystem] = useState(false);
  const [language, setLanguage] = useState<Language>(i18n.language as Language);
  const [isLanguageChosen, setLanguageChosen] = useState(initial.savedLanguage !== null);
  const [areRemindersOnDevice, setRemindersFlag] = useState(initial.areRemindersOnDevice);
  const runtimeRef = useRef(runtime);
  runtimeRef.current = runtime;

  useEffect(() => {
    if (!runtime) return;
    if (status === "signed-in") runtime.scheduler.request();

    const stopIn = runtime.api.onLoggedIn(() => {
      claimLocalData(runtime).then(
        () => {
          setEndedBySystem(false);
          setStatus("signed-in");
          runtime.scheduler.request();
        },
        (error: unknown) => {
          // Data that may belong to another account must not be shown, so the login is undone.
          console.error("claiming local data failed", error instanceof Error ? error.name : error);
          void runtime.api.endSession("logout");
        },
      );
    });
    const stopWiped = runtime.onWiped((reason) => {
      setEndedBySystem(reason === "session-ended");
      setStatus("signed-out");
      // Reminders of the account that left must not keep firing on this device.
      cancelReminders().catch((error: unknown) => {
        console.warn("cancelling reminders failed", error instanceof Error ? error.name : error);
      });
    });
    return () => {
      stopIn();
      stopWiped();
    };
    // The status is read once per runtime to start the first sync; later changes need no restart.
  }, [runtime, database]);

  useEffect(() => () => runtimeRef.current?.dispose(), []);

  const connect = useCallback(
    async (serverUrl: string): Promise<MobileRuntime> => {
      const current = runtimeRef.current;
      if (current?.serverUrl === serverUrl) return current;
      const tokensFrom = await readDevicePreference(database, "server-url");
      if (tokensFrom !== serverUrl) await services.tokenStore.save({ ...EMPTY_TOKENS });
      current?.dispose();
      const next = startRuntime(services, database, serverUrl);
      runtimeRef.current = next;
      setRuntime(next);
      return next;
    },
    [services, database],
  );

  const changeLanguage = useCallback(
    async (next: Language | null): Promise<void> => {
      const resolved = next ?? pickLanguage(null, services.deviceLanguageTags());
      await writeDevicePreference(database, "language", next);
      await i18n.changeLanguage(resolved);
      setLanguage(resolved);
      setLanguageChosen(next !== null);
    },
    [services, database, i18n],
  );

  const setRemindersOnDevice = useCallback(
    async (isOn: boolean): Promise<void> => {
      await writeDevicePreference(database, "reminders-on-device", isOn ? "on" : "off");
      setRemindersFlag(isOn);
    },
    [database],
  );

  const value = useMemo<SessionValue>(
    () => ({
      status,
      endedBySystem,
      services,
      database,
      runtime,
      connect,
      language,
      isLanguageChosen,
      changeLanguage,
      areRemindersOnDevice,
      setRemindersOnDevice,
    }),
    [
      status,
      endedBySystem,
      services,
      database,
      runtime,
      connect,
      language,
      isLanguageChosen,
      changeLanguage,
      areRemindersOnDevice,
      setRemindersOnDevice,
    ],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>
    </I18nextProvider>
  );
}

/** Explains that the local database could not be opened, in the device's language. */
function BootFailure(props: { services: AppServices }): ReactElement {
  const i18n = useMemo(
    () => createI18n(pickLanguage(null, props.services.deviceLanguageTags())),
    [props.services],
  );
  return (
    <View style={styles.splash}>
      <Notice tone="error">{i18n.t("boot.failed")}</Notice>
    </View>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new TypeError("useSession must be used inside a SessionProvider.");
  return value;
}

/** Returns the runtime of a signed-in screen; screens behind the login guard always have one. */
export function useRuntime(): MobileRuntime {
  const { runtime } = useSession();
  if (!runtime) throw new TypeError("useRuntime needs a signed-in session.");
  return runtime;
}

const styles = StyleSheet.create({
  splash: { flex: 1, alignItems: "center", justifyContent: "center", padding: 24 },
});
