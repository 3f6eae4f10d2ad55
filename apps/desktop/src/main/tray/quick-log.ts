import type { QuickLogRequest } from "../../preload-api";

/** Global shortcut that opens the quick log from any application. */
export const QUICK_LOG_SHORTCUT = "CommandOrControl+Alt+Shift+L";

/** Amounts offered in the tray menu, in millilitres: a glass and a bottle. */
export const QUICK_ADD_WATER_AMOUNTS_ML = [250, 500] as const;

/** Items of the tray menu, as Electron menu-item templates without Electron types. */
export interface TrayMenuItem {
  label?: string;
  type?: "separator";
  visible?: boolean;
  click?: () => void;
}

export interface TrayMenuActions {
  openWindow(): void;
  quickLog(request: QuickLogRequest): void;
  changeServer(): void;
  installUpdate(): void;
  quit(): void;
}

/** Builds the tray menu; "Restart to update" shows only once a verified update is waiting. */
export function buildTrayMenu(actions: TrayMenuActions, isUpdateReady: boolean): TrayMenuItem[] {
  const waterItems = QUICK_ADD_WATER_AMOUNTS_ML.map((amountMl) => ({
    label: `Add ${amountMl} ml water`,
    click: () => actions.quickLog({ action: "add-water", amountMl }),
  }));
  return [
    { label: "Open FitCoach", click: actions.openWindow },
    { type: "separator" },
    ...waterItems,
    { label: "Log today…", click: () => actions.quickLog({ action: "open-quick-log" }) },
    { type: "separator" },
    { label: "Change server…", click: actions.changeServer },
    { label: "Restart to update", visible: isUpdateReady, click: actions.installUpdate },
    { type: "separator" },
    { label: "Quit FitCoach", click: actions.quit },
  ];
}
