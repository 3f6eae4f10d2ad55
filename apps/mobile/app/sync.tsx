import { SyncScreen } from "../src/features/sync/sync-screen";

export default SyncScreen;
