import { TodayScreen } from "../../src/features/today/today-screen";

export default TodayScreen;
