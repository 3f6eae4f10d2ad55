import { MealsScreen } from "../../src/features/meals/meals-screen";

export default MealsScreen;
