import { SleepScreen } from "../src/features/sleep/sleep-screen";

export default SleepScreen;
