import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { goalsPutSchema, goalsSchema, goalSuggestionSchema } from "@fitcoach/contract";

import type { Database } from "../../platform/database";
import { expectedVersion, setEtag } from "../../platform/etag";
import { todayIn } from "../../platform/local-date";
import type { AccountsService } from "../accounts/accounts.service";
import { requireUser } from "../auth/authenticate";
import { latestWeightKg } from "../body/body.service";
import { suggestGoals } from "./goal-suggestion";
import type { GoalsService } from "./goals.service";

export async function goalsRoutes(
  app: FastifyInstance,
  deps: { goals: GoalsService; accounts: AccountsService; db: Database },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["goals"];
  const security = [{ bearer: [] }];
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/",
    { schema: { tags, security, summary: "The user's targets", response: { 200: goalsSchema } } },
    async (request, reply) => {
      const goals = await deps.goals.get(requireUser(request).userId);
      setEtag(reply, goals.version);
      return goals;
    },
  );

  routes.patch(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Set or clear targets (If-Match recommended)",
        body: goalsPutSchema,
        response: { 200: goalsSchema },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request);
      const goals = await deps.goals.update(requireUser(request).userId, request.body, expected);
      setEtag(reply, goals.version);
      return goals;
    },
  );

  routes.get(
    "/suggestion",
    {
      schema: {
        tags,
        security,
        summary: "Energy and macro targets suggested from the profile (Mifflin-St Jeor)",
        response: { 200: goalSuggestionSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const today = todayIn(user.timeZone, app.deps.clock.now());
      const [profile, weightKg] = await Promise.all([
        deps.accounts.getMe(user.userId),
        latestWeightKg(deps.db, user.userId, today),
      ]);
      return suggestGoals(profile, weightKg, today);
    },
  );
}
