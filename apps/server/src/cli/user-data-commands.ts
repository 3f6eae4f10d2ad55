import { writeFile } from "node:fs/promises";

import { normalizeEmail } from "../features/accounts/accounts.service";
import type { Command } from "./commands";
import { CLI_CONTEXT, withServices } from "./cli-runtime";

/**
 * Reads `<email>` and the flags a command allows. Throws on an unknown flag or a flag without its
 * value, so a mistyped `--now` never runs the milder command by accident.
 */
function parseArguments(
  args: string[],
  flags: { boolean?: string[]; value?: string[] },
): { email: string; options: Map<string, string | true> } {
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    if (flags.boolean?.includes(arg)) {
      options.set(arg, true);
    } else if (flags.value?.includes(arg)) {
      const value = args[index + 1];
      if (!value || value.startsWith("--")) throw new Error(`Missing value for ${arg}.`);
      options.set(arg, value);
      index += 1;
    } else {
      throw new Error(`Unknown option: ${arg}`);
    }
  }
  if (positional.length === 0) throw new Error("Missing argument: email");
  if (positional.length > 1) throw new Error(`Unexpected argument: ${positional[1]}`);
  return { email: normalizeEmail(positional[0]!), options };
}

export const userDataCommands: Record<string, Command> = {
  "users:export": {
    summary:
      "Write one user's data as the fitcoach-json export to FILE (mode 600, never overwritten) or to stdout: users:export <email> [--out FILE]",
    async run({ config, logger, args, print }) {
      const { email, options } = parseArguments(args, { value: ["--out"] });
      const out = options.get("--out") as string | undefined;

      return withServices(config, logger, async (services, deps) => {
        const db = deps.database.db;
        const user = await services.accounts.findByEmail(db, email);
        if (!user) {
          print(`No user with the email ${email}.`);
          return 1;
        }

        const document = await services.dataTransfer.buildExport(user.id);
        const text = `${JSON.stringify(document, null, 2)}\n`;
        if (out) {
          try {
            // "wx" fails on any existing path, a symbolic link included, so nothing is replaced.
            await writeFile(out, text, { flag: "wx", mode: 0o600 });
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
            print(`${out} already exists; choose another file name.`);
            return 1;
          }
        }
        const rows = Object.values(document.sections).reduce((sum, list) => sum + list.length, 0);
        await services.audit.record(db, {
          event: "admin.user-exported",
          userId: user.id,
          context: CLI_CONTEXT,
          severity: "warning",
          metadata: {
            version: document.version,
            sections: Object.keys(document.sections).length,
            rows,
            destination: out ? "file" : "stdout",
          },
        });
        if (out) print(`Wrote ${rows} row(s) of ${user.email} to ${out}.`);
        else print(text.trimEnd());
        return 0;
      });
    },
  },

  "users:delete": {
    summary:
      "Delete one user as DELETE /api/v1/me does (disabled now, purged after the grace period), or at once with --now: users:delete <email> [--now]",
    async run({ config, logger, args, print }) {
      const { email, options } = parseArguments(args, { boolean: ["--now"] });

      return withServices(config, logger, async (services, deps) => {
        const user = await services.accounts.findByEmail(deps.database.db, email);
        if (!user) {
          print(`No user with the email ${email}.`);
          return 1;
        }

        if (options.has("--now")) {
          await services.accountDeletion.purgeNow(user.id, CLI_CONTEXT);
          print(`Deleted ${user.email} and every row and file of the account.`);
          return 0;
        }
        const { deletionDueAt } = await services.accountDeletion.scheduleDeletion(
          user.id,
          CLI_CONTEXT,
        );
        print(
          `Disabled ${user.email}; the account is purged on ${deletionDueAt.toISOString()} unless the user logs in before then.`,
        );
        return 0;
      });
    },
  },
};
