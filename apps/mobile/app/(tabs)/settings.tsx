import { SettingsScreen } from "../../src/features/settings/settings-screen";

export default SettingsScreen;
