import { WorkoutsScreen } from "../../src/features/workouts/workouts-screen";

export default WorkoutsScreen;
