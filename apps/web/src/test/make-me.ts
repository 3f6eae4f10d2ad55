import type { Me } from "@fitcoach/contract";

/** Builds the profile GET /me returns for a verified account; tests override what they need. */
export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: "0b8c6a8e-5a8a-4c55-9d0e-1f9f7e0a1b2c",
    email: "ann@example.com",
    emailVerified: true,
    role: "user",
    name: "Ann",
    timeZone: "Europe/Prague",
    units: "metric",
    locale: "en",
    birthDate: null,
    sex: null,
    heightCm: 170,
    activityLevel: null,
    waterGoalMl: 2500,
    weekStartsOn: "monday",
    twoFactorEnabled: false,
    createdAt: "2026-03-01T10:00:00Z",
    restrictions: [],
    ...overrides,
  };
}
