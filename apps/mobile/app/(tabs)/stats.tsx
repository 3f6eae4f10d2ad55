import { StatsScreen } from "../../src/features/stats/stats-screen";

export default StatsScreen;
