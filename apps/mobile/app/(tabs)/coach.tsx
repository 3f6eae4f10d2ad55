import { CoachScreen } from "../../src/features/coach/coach-screen";

export default CoachScreen;
