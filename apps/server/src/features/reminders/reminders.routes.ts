import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idSchema,
  reminderRuleCreateSchema,
  reminderRuleListSchema,
  reminderRulePatchSchema,
  reminderRuleSchema,
  reminderSettingsPatchSchema,
  reminderSettingsSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { expectedVersion, setEtag } from "../../platform/etag";
import { requireUser } from "../auth/authenticate";
import type { RemindersService } from "./reminders.service";

export async function remindersRoutes(
  app: FastifyInstance,
  deps: { reminders: RemindersService },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reminders"];
  const security = [{ bearer: [] }];
  const params = z.strictObject({ id: idSchema });
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/rules",
    {
      schema: {
        tags,
        security,
        summary: "Reminder rules of the account, oldest first",
        response: { 200: reminderRuleListSchema },
      },
    },
    async (request) => ({ items: await deps.reminders.listRules(requireUser(request).userId) }),
  );

  routes.post(
    "/rules",
    {
      schema: {
        tags,
        security,
        summary: "Add a reminder rule",
        body: reminderRuleCreateSchema,
        response: { 201: reminderRuleSchema },
      },
    },
    async (request, reply) => {
      const rule = await deps.reminders.createRule(requireUser(request), request.body);
      setEtag(reply, rule.version);
      return reply.code(201).header("location", `/api/v1/reminders/rules/${rule.id}`).send(rule);
    },
  );

  routes.get(
    "/rules/:id",
    {
      schema: {
        tags,
        security,
        summary: "One reminder rule",
        params,
        response: { 200: reminderRuleSchema },
      },
    },
    async (request, reply) => {
      const rule = await deps.reminders.getRule(requireUser(request).userId, request.params.id);
      setEtag(reply, rule.version);
      return rule;
    },
  );

  routes.patch(
    "/rules/:id",
    {
      schema: {
        tags,
        security,
        summary: "Change a reminder rule",
        params,
        body: reminderRulePatchSchema,
        response: { 200: reminderRuleSchema },
      },
    },
    async (request, reply) => {
      const rule = await deps.reminders.updateRule(
        requireUser(request),
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      setEtag(reply, rule.version);
      return rule;
    },
  );

  routes.delete(
    "/rules/:id",
    { schema: { tags, security, summary: "Delete a reminder rule", params } },
    async (request, reply) => {
      await deps.reminders.deleteRule(
        requireUser(request).userId,
        request.params.id,
        expectedVersion(request),
      );
      return reply.code(204).send();
    },
  );

  routes.get(
    "/settings",
    {
      schema: {
        tags,
        security,
        summary: "Quiet hours and weekly summary",
        response: { 200: reminderSettingsSchema },
      },
    },
    async (request, reply) => {
      const settings = await deps.reminders.getSettings(requireUser(request).userId);
      setEtag(reply, settings.version);
      return settings;
    },
  );

  routes.patch(
    "/settings",
    {
      schema: {
        tags,
        security,
        summary: "Change quiet hours or the weekly summary",
        body: reminderSettingsPatchSchema,
        response: { 200: reminderSettingsSchema },
      },
    },
    async (request, reply) => {
      const settings = await deps.reminders.updateSettings(
        requireUser(request),
        request.body,
        expectedVersion(request),
      );
      setEtag(reply, settings.version);
      return settings;
    },
  );
}
