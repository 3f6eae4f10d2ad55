import type { FoodExclusion, MealSlot } from "@fitcoach/contract";

/** A catalog food the planner may use in a role, with the portion range it may choose from. */
export interface FoodOption {
  /** USDA SR28 NDB number. */
  id: string;
  excludedBy: FoodExclusion[];
  minGrams: number;
  maxGrams: number;
  /** A usual portion; the fit stays near it when the targets allow. 0 means "only if needed". */
  usualGrams: number;
}

export type FoodRole =
  | "breakfastBase"
  | "breakfastProtein"
  | "fruit"
  | "nutsOrSeeds"
  | "mainProtein"
  | "mainCarb"
  | "vegetable"
  | "addedFat"
  | "snackProtein"
  | "snackCarb";

function option(
  id: string,
  excludedBy: FoodExclusion[],
  minGrams: number,
  maxGrams: number,
  usualGrams: number,
): FoodOption {
  return { id, excludedBy, minGrams, maxGrams, usualGrams };
}

/** Whole foods the planner draws from, by role; cooked weights for grains, legumes and meat. */
export const FOOD_OPTIONS: Record<FoodRole, FoodOption[]> = {
  breakfastBase: [
    option("08120", [], 0, 200, 60), // oats, dry
    option("18075", ["gluten"], 0, 200, 80), // whole-wheat bread
  ],
  breakfastProtein: [
    option("01256", ["dairy"], 0, 500, 200), // Greek yogurt, nonfat
    option("01129", ["eggs"], 0, 200, 100), // egg, hard-boiled
    option("01124", ["eggs"], 0, 300, 120), // egg white
    option("01016", ["dairy"], 0, 450, 200), // cottage cheese, 1 %
    option("16426", ["soy"], 0, 350, 150), // tofu, firm
    option("16120", ["soy"], 0, 500, 250), // soy milk
  ],
  fruit: [
    option("09040", [], 0, 350, 120), // banana
    option("09050", [], 0, 350, 150), // blueberries
    option("09003", [], 0, 350, 180), // apple
    option("09316", [], 0, 350, 150), // strawberries
    option("09200", [], 0, 350, 150), // orange
    option("09252", [], 0, 350, 180), // pear
    option("09148", [], 0, 350, 150), // kiwifruit
  ],
  nutsOrSeeds: [
    option("12061", ["nuts"], 0, 50, 20), // almonds
    option("12155", ["nuts"], 0, 50, 20), // walnuts
    option("16398", ["nuts"], 0, 40, 16), // peanut butter
    option("12006", [], 0, 40, 15), // chia seeds
  ],
  mainProtein: [
    option("05064", ["poultry"], 80, 400, 150), // chicken breast, roasted
    option("15237", ["fish"], 80, 300, 150), // salmon, farmed, cooked
    option("23564", ["meat"], 80, 300, 130), // beef, ground 90 % lean, cooked
    option("16426", ["soy"], 100, 400, 180), // tofu, firm
    option("05220", ["poultry"], 80, 400, 150), // turkey breast, roasted
    option("15016", ["fish"], 80, 400, 180), // cod, cooked
    option("16114", ["soy"], 80, 300, 150), // tempeh
    option("15121", ["fish"], 60, 400, 120), // tuna, canned in water
    option("16070", [], 100, 400, 200), // lentils, boiled
    option("16057", [], 100, 400, 180), // chickpeas, boiled
  ],
  mainCarb: [
    option("20037", [], 0, 600, 180), // brown rice, cooked
    option("11508", [], 0, 600, 200), // sweet potato, baked
    option("20121", ["gluten"], 0, 600, 180), // pasta, cooked
    option("20137", [], 0, 600, 180), // quinoa, cooked
    option("11674", [], 0, 600, 220), // potato, baked
    option("20045", [], 0, 600, 180), // white rice, cooked
  ],
  vegetable: [
    option("11091", [], 80, 350, 150), // broccoli, boiled
    option("11457", [], 50, 250, 100), // spinach
    option("11053", [], 80, 350, 150), // green beans, boiled
    option("11124", [], 60, 300, 120), // carrots
    option("11821", [], 60, 300, 120), // red pepper
    option("11305", [], 60, 250, 120), // green peas, boiled
    option("11529", [], 80, 300, 150), // tomatoes
  ],
  addedFat: [
    option("04053", [], 0, 40, 10), // olive oil
    option("09038", [], 0, 150, 60), // avocado
  ],
  snackProtein: [
    option("01256", ["dairy"], 0, 400, 150), // Greek yogurt, nonfat
    option("11212", ["soy"], 0, 300, 120), // edamame
    option("01016", ["dairy"], 0, 400, 150), // cottage cheese, 1 %
    option("16158", [], 0, 150, 60), // hummus
  ],
  snackCarb: [
    option("19816", [], 0, 120, 0), // rice cakes, brown rice
    option("09298", [], 0, 120, 0), // raisins
    option("18075", ["gluten"], 0, 200, 0), // whole-wheat bread
    option("09421", [], 0, 120, 0), // dates, medjool
  ],
};

/** The meals of a planned day and the roles each one fills, in serving order. */
export const DAY_TEMPLATE: { slot: MealSlot; roles: FoodRole[] }[] = [
  { slot: "breakfast", roles: ["breakfastBase", "breakfastProtein", "fruit", "nutsOrSeeds"] },
  { slot: "lunch", roles: ["mainProtein", "mainCarb", "vegetable", "addedFat"] },
  { slot: "dinner", roles: ["mainProtein", "mainCarb", "vegetable", "addedFat"] },
  { slot: "snack", roles: ["snackProtein", "fruit", "nutsOrSeeds", "snackCarb"] },
];

/** Every catalog id the planner may use, for loading them in one call. */
export const MEAL_PLAN_FOOD_IDS: string[] = [
  ...new Set(Object.values(FOOD_OPTIONS).flatMap((options) => options.map((item) => item.id))),
];
