import type { MealPhotoDraft, Nutrients } from "@fitcoach/contract";
import { fileTypeFromBuffer } from "file-type";
import type { Logger } from "pino";
import { withImageDecodeSlot } from "../../platform/image-decoding";
import { loadSharp } from "../../platform/lazy-modules";
import type { Metadata } from "sharp";

import type { Config } from "../../platform/config";
import { problem } from "../../platform/errors";
import type { AuthenticatedUser } from "../auth/sessions.service";
import type { FoodCatalogSource } from "./coach-data";
import type { CoachLimits } from "./coach-limits";
import type { CoachPrivacyService } from "./coach-privacy.service";
import { abortable, startDeadline } from "./deadline";
import type { CoachProvider, MealPhoto, RecognizedFood } from "./providers/provider";

const ACCEPTED_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);
/** Maximum side in pixels of the copy sent to the model; more detail costs tokens and shows no more food. */
const MODEL_IMAGE_MAX_SIDE = 1536;

export interface MealPhotoService {
  /**
   * Checks and re-encodes a photo, sends it to the vision model and matches each food it names to
   * the catalog. Nothing is stored: the draft goes back to the user to confirm or edit.
   */
  recognize(user: AuthenticatedUser, readUpload: () => Promise<Buffer>): Promise<MealPhotoDraft>;
}

function scaled(per100g: Nutrients, grams: number): Nutrients {
  const share = grams / 100;
  const round = (value: number): number => Math.round(value * share * 10) / 10;
  return {
    kcal: Math.round(per100g.kcal * share),
    protein: round(per100g.protein),
    carbs: round(per100g.carbs),
    fat: round(per100g.fat),
    fiber: round(per100g.fiber),
  };
}

export function createMealPhotoService(deps: {
  config: Config;
  logger: Logger;
  provider: CoachProvider;
  privacy: CoachPrivacyService;
  limits: CoachLimits;
  foods: FoodCatalogSource;
}): MealPhotoService {
  const { provider, config } = deps;
  const log = deps.logger.child({ component: "coach-meal-photo" });

  /** Checks content, size and pixels, then re-encodes to JPEG, which drops EXIF and GPS data. */
  async function prepare(upload: Buffer): Promise<MealPhoto> {
    return withImageDecodeSlot(() => decode(upload));
  }

  async function decode(upload: Buffer): Promise<MealPhoto> {
    const type = await fileTypeFromBuffer(upload);
    if (!type || !ACCEPTED_TYPES.has(type.mime)) {
      throw problem("unsupported-media-type", {
        detail: `The file is ${type ? type.mime : "not a recognised image"}; upload a JPEG, PNG or WebP photo.`,
      });
    }
    const sharp = await loadSharp();
    let metadata: Metadata;
    try {
      metadata = await sharp(upload, { limitInputPixels: false }).metadata();
    } catch {
      throw problem("unprocessable-content", { detail: "The image could not be decoded." });
    }
    const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
    if (pixels > config.uploads.maxPixels) {
      throw problem("payload-too-large", {
        detail: `The image has ${pixels} pixels; the most accepted is ${config.uploads.maxPixels}.`,
      });
    }
    try {
      const data = await sharp(upload, { limitInputPixels: config.uploads.maxPixels })
        .rotate()
        .resize({
          width: MODEL_IMAGE_MAX_SIDE,
          height: MODEL_IMAGE_MAX_SIDE,
          fit: "inside",
          withoutEnlargement: true,
        })
        .jpeg({ quality: 85 })
        .toBuffer();
      return { data, mimeType: "image/jpeg" };
    } catch {
      // The header parsed, but the pixel data is damaged or truncated.
      throw problem("unprocessable-content", {
        detail: "The image is damaged or incomplete and could not be decoded.",
      });
    }
  }

  async function callModel(userId: string, photo: MealPhoto): Promise<RecognizedFood[]> {
    const deadline = startDeadline(config.coach.timeoutMs);
    const started = Date.now();
    try {
      const result = await abortable(
        provider.recognizeMeal(photo, deadline.signal),
        deadline.signal,
      );
      await deps.privacy.recordCall(userId, {
        agent: "meal-photo",
        model: provider.visionModel ?? provider.model,
        areas: ["meals"],
        usage: result.usage,
        outcome: "ok",
        durationMs: Date.now() - started,
      });
      return result.foods;
    } catch (error) {
      const outcome = deadline.timedOut() ? "timed-out" : "failed";
      log.error({ err: error, userId, provider: provider.name, outcome }, "meal photo call failed");
      await deps.privacy.recordCall(userId, {
        agent: "meal-photo",
        model: provider.visionModel ?? provider.model,
        areas: ["meals"],
        usage: { inputTokens: 0, outputTokens: 0 },
        outcome,
        durationMs: Date.now() - started,
      });
      // A photo has no rule-based fallback, so the failure goes to the client.
      if (outcome === "timed-out") {
        throw problem("service-unavailable", {
          detail: `The vision model did not answer within ${Math.round(config.coach.timeoutMs / 1000)} seconds; try again later.`,
          reason: "provider-timeout",
          headers: { "retry-after": "30" },
        });
      }
      throw problem("bad-gateway", {
        detail: "The vision model failed to read the photo; try again or log the meal by hand.",
        reason: "provider-failed",
      });
    } finally {
      deadline.dispose();
    }
  }

  return {
    async recognize(user, readUpload) {
      if (!provider.isExternal || provider.visionModel === null) {
        throw problem("service-unavailable", {
          detail:
            "Meal photo recognition needs a vision model, and this server runs the builtin coach. An administrator can set COACH_PROVIDER and COACH_VISION_MODEL; until then, log the meal by hand.",
          reason: "vision-model-required",
        });
      }
      if (!user.emailVerified) {
        throw problem("email-not-verified", {
          detail: "Confirm your email address before sending photos to the coach's model.",
        });
      }
      const areas = await deps.privacy.areas(user.userId);
      if (!areas.meals) {
        throw problem("forbidden", {
          detail:
            "Photo recognition sends the photo to an external model; allow the meals area in the coach's privacy settings first.",
          reason: "consent-required",
        });
      }
      await deps.limits.countRequest(user.userId);
      await deps.limits.assertBudgetLeft(user.userId);

      const photo = await prepare(await readUpload());
      const recognized = await callModel(user.userId, photo);

      const items = await Promise.all(
        recognized.map(async (food) => {
          const [match] = await deps.foods.search(food.label, 1);
          const grams = Math.min(Math.max(food.grams, 1), 2000);
          return {
            label: food.label,
            foodId: match?.id ?? null,
            description: match?.description ?? null,
            grams,
            confidence: food.confidence,
            nutrients: match ? scaled(match.per100g, grams) : null,
          };
        }),
      );
      const totals = items.reduce<Nutrients>(
        (sum, item) => ({
          kcal: sum.kcal + (item.nutrients?.kcal ?? 0),
          protein: Math.round((sum.protein + (item.nutrients?.protein ?? 0)) * 10) / 10,
          carbs: Math.round((sum.carbs + (item.nutrients?.carbs ?? 0)) * 10) / 10,
          fat: Math.round((sum.fat + (item.nutrients?.fat ?? 0)) * 10) / 10,
          fiber: Math.round((sum.fiber + (item.nutrients?.fiber ?? 0)) * 10) / 10,
        }),
        { kcal: 0, protein: 0, carbs: 0, fat: 0, fiber: 0 },
      );
      return {
        items,
        totals,
        provider: provider.name,
        model: provider.visionModel,
        notes: ["Check each food and amount before saving; the model's estimates can be wrong."],
      };
    },
  };
}
