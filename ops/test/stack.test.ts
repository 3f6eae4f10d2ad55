// The production compose stack, built and run here: the FitCoach image from the Dockerfile, the
// compose files with the test override, data written into it, then ops/backup.sh and
// ops/restore.sh in compose mode. Skipped, with the reason printed, when no container engine can
// start; backup-restore.test.ts still covers the scripts against the local PostgreSQL then.
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  fileMode,
  manifestRows,
  readManifest,
  runBackup,
  runRestore,
  uploadFixtures,
  writeCopyWithManifest,
  writeCorruptedCopy,
  writtenArchive,
} from "./helpers/backups";
import { prepareContainerEngine, stopContainerEngine } from "./helpers/engine";
import { databaseFingerprint, rowCounts, sha256 } from "./helpers/fingerprint";
import { httpsRequest } from "./helpers/https";
import {
  buildServerImage,
  buildStandinImages,
  ensureBaseImage,
  runDocker,
  SERVER_IMAGE,
  stageBuildInputs,
} from "./helpers/images";
import { REPO_DIR, run } from "./helpers/process";
import {
  compose,
  composeOk,
  containerId,
  createStack,
  databaseQuery,
  healthStatus,
  removeStack,
  serverShell,
  stackScriptEnv,
  startStack,
  waitForHealthy,
} from "./helpers/stack";
import type { Stack } from "./helpers/stack";
import {
  logIn,
  seedThroughApi,
  seedThroughDatabase,
  USER_FLOW,
  waitForIdleJobs,
} from "./helpers/user-flow";
import type { SeededUser } from "./helpers/user-flow";

const engineResult = await prepareContainerEngine();
if (!engineResult.ok) {
  console.warn(`Skipping the container checks: ${engineResult.reason}`);
}

afterAll(async () => {
  if (engineResult.ok) await stopContainerEngine(engineResult.engine);
});

/** Lists "host:port" specs under each service's ports: in `docker-compose config` output. */
function publishedPorts(config: string): Map<string, string[]> {
  const ports = new Map<string, string[]>();
  let service = "";
  let inPorts = false;
  for (const line of config.split("\n")) {
    const serviceMatch = /^ {2}([a-z0-9_-]+):$/.exec(line);
    if (serviceMatch?.[1]) {
      service = serviceMatch[1];
      inPorts = false;
      continue;
    }
    if (/^ {4}ports:$/.test(line)) {
      inPorts = true;
      continue;
    }
    const item = /^ {4}- (.+)$/.exec(line);
    if (inPorts && item?.[1]) {
      ports.set(service, [...(ports.get(service) ?? []), item[1]]);
    } else if (!/^ {6}/.test(line)) {
      inPorts = false;
    }
  }
  return ports;
}

function plainHttpGet(port: number): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(
        { host: "127.0.0.1", port, path: "/health/live", headers: { host: "localhost" } },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, location: response.headers.location });
        },
      )
      .on("error", reject);
  });
}

describe.skipIf(!engineResult.ok)("compose stack", () => {
  const engine = engineResult.ok ? engineResult.engine : undefined!;
  let stack: Stack;
  let proxyCa = "";
  let seededUser: SeededUser | null = null;
  let originalFingerprint: Record<string, string> = {};
  let originalUploads: Record<string, string> = {};
  let archive = "";

  const fingerprint = (): Promise<Record<string, string>> =>
    databaseFingerprint(databaseQuery(stack));

  // The running server adds periodic jobs on its own (every 15 minutes), so comparisons of the
  // database across a restore leave the jobs table out.
  function withoutJobs(print: Record<string, string>): Record<string, string> {
    const { ["public.jobs"]: _jobs, ...rest } = print;
    return rest;
  }

  async function uploadHashes(): Promise<Record<string, string>> {
    const output = await serverShell(
      stack,
      'if [ -d "$DATA_DIR/uploads" ]; then cd "$DATA_DIR/uploads" && find . -type f -exec sha256sum {} +; fi',
    );
    const hashes: Record<string, string> = {};
    for (const line of output.split("\n").filter(Boolean)) {
      hashes[line.slice(66).replace(/^\.\//, "")] = line.slice(0, 64);
    }
    return hashes;
  }

  beforeAll(async () => {
    await ensureBaseImage(engine);
    const removeBuildInputs = await stageBuildInputs();
    try {
      await Promise.all([buildServerImage(engine), buildStandinImages(engine)]);
    } finally {
      removeBuildInputs();
    }

    stack = await createStack(engine);
    await startStack(stack);

    const proxy = containerId(stack, "proxy");
    proxyCa = await runDocker(engine, [
      "exec",
      proxy,
      "cat",
      "/data/caddy/pki/authorities/local/root.crt",
    ]);
  });

  afterAll(async () => {
    if (stack) await removeStack(stack);
  });

  describe("image", () => {
    it("runs the server as UID 1000", async () => {
      const server = containerId(stack, "server");

      const top = await runDocker(engine, ["top", server, "-o", "pid,uid,cmd"]);
      const imageUser = await runDocker(engine, [
        "image",
        "inspect",
        "-f",
        "{{.Config.User}}",
        SERVER_IMAGE,
      ]);

      expect(top).toMatch(/^\s*\d+\s+1000\s+node (--\S+ )*\/app\/apps\/server\/dist\/main\.js$/m);
      expect(top).not.toMatch(/^\s*\d+\s+0\s/m);
      expect(imageUser.trim()).toBe("1000:1000");
      expect((await serverShell(stack, "id -u")).trim()).toBe("1000");
    });

    it("contains no npm and no compiler", async () => {
      const tools = [
        "npm",
        "npx",
        "corepack",
        "yarn",
        "gcc",
        "cc",
        "c++",
        "g++",
        "clang",
        "make",
        "tcc",
      ];

      const found = await runDocker(engine, [
        "run",
        "--rm",
        "--entrypoint",
        "sh",
        SERVER_IMAGE,
        "-c",
        `for tool in ${tools.join(" ")}; do command -v "$tool" || true; done; ls /usr/local/lib/node_modules 2>/dev/null || true`,
      ]);

      expect(found.trim()).toBe("");
    });

    it("carries labels and a readiness health check", async () => {
      const labels = JSON.parse(
        await runDocker(engine, [
          "image",
          "inspect",
          "-f",
          "{{json .Config.Labels}}",
          SERVER_IMAGE,
        ]),
      ) as Record<string, string>;
      const healthcheck = await runDocker(engine, [
        "image",
        "inspect",
        "-f",
        "{{json .Config.Healthcheck}}",
        SERVER_IMAGE,
      ]);

      expect(labels["org.opencontainers.image.title"]).toBe("FitCoach server");
      expect(labels["org.opencontainers.image.licenses"]).toBe("AGPL-3.0-only");
      expect(labels["org.opencontainers.image.revision"]).toBe("ops-test");
      expect(healthcheck).toContain("/health/ready");
      expect(healthcheck).not.toContain("curl");
    });

    it("runs the admin CLI with plain node", async () => {
      const output = await serverShell(stack, "fitcoach config:check");

      expect(output.trim()).toBe("Configuration is valid for production.");
    });

    it("refuses to start with weak production settings", async () => {
      const result = await run(
        engine.docker,
        ["run", "--rm", "-e", "SECRET_KEY=too-short", "-e", "CORS_ORIGINS=*", SERVER_IMAGE],
        { env: engine.env },
      );

      expect(result.status).toBe(78);
      expect(result.stderr).toContain("SECRET_KEY: must be at least 32 characters");
      expect(result.stderr).toContain("CORS_ORIGINS: must not contain *");
      expect(result.stderr).toContain("not fit for production");
    });
  });

  describe("compose files", () => {
    it("names a missing secret", async () => {
      const result = await run(
        engine.compose,
        [
          "-f",
          "compose.yaml",
          "-f",
          "compose.production.yaml",
          "--env-file",
          path.join(REPO_DIR, ".env.docker.example"),
          "config",
        ],
        {
          env: {
            ...engine.env,
            POSTGRES_PASSWORD: "set-for-this-check",
            REDIS_PASSWORD: "set-for-this-check",
          },
        },
      );

      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("SECRET_KEY is missing; set it in .env.docker");
    });

    it("publishes development ports on 127.0.0.1 only", async () => {
      const config = await composeOk(stack, [
        "-f",
        "compose.yaml",
        "-f",
        "compose.override.yaml",
        "config",
      ]);
      const ports = publishedPorts(config);

      expect([...ports.keys()].sort()).toEqual(["db", "mail", "redis", "server"]);
      for (const spec of [...ports.values()].flat()) {
        expect(spec).toMatch(/^127\.0\.0\.1:\d+:\d+\/(tcp|udp)$/);
        expect(spec).not.toMatch(/^127\.0\.0\.1:(5432|6379):/);
      }
    });

    it("publishes only the proxy in production", async () => {
      const config = await composeOk(stack, [
        "-f",
        "compose.yaml",
        "-f",
        "compose.production.yaml",
        "config",
      ]);
      const running = await runDocker(engine, [
        "ps",
        "--filter",
        `label=com.docker.compose.project=${stack.project}`,
        "--format",
        '{{.Label "com.docker.compose.service"}} {{.Ports}}',
      ]);

      expect([...publishedPorts(config).keys()]).toEqual(["proxy"]);
      const withPorts = running.split("\n").filter((line) => line.includes("->"));
      expect(withPorts.map((line) => line.split(" ")[0])).toEqual(["proxy"]);
    });

    it("keeps the database and Redis off outside networks", async () => {
      for (const service of ["db", "redis"]) {
        const networks = JSON.parse(
          await runDocker(engine, [
            "inspect",
            "-f",
            "{{json .NetworkSettings.Networks}}",
            containerId(stack, service),
          ]),
        ) as Record<string, unknown>;
        expect(Object.keys(networks)).toEqual([`${stack.project}_internal`]);
      }
      const internal = await runDocker(engine, [
        "network",
        "inspect",
        "-f",
        "{{.Internal}}",
        `${stack.project}_internal`,
      ]);
      expect(internal.trim()).toBe("true");
    });

    it("sets limits, restarts and log rotation", async () => {
      for (const service of ["server", "db", "redis", "proxy"]) {
        const hostConfig = JSON.parse(
          await runDocker(engine, [
            "inspect",
            "-f",
            "{{json .HostConfig}}",
            containerId(stack, service),
          ]),
        ) as {
          Memory: number;
          NanoCpus: number;
          RestartPolicy: { Name: string };
          LogConfig: { Type: string; Config: Record<string, string> };
        };
        expect(hostConfig.Memory, service).toBeGreaterThan(0);
        expect(hostConfig.NanoCpus, service).toBeGreaterThan(0);
        expect(hostConfig.RestartPolicy.Name, service).toBe("always");
        expect(hostConfig.LogConfig, service).toEqual({
          Type: "json-file",
          Config: { "max-file": "3", "max-size": "10m" },
        });
      }
    });
  });

  describe("proxy", () => {
    it("serves the API over HTTPS with HSTS", async () => {
      const response = await httpsRequest(`${stack.origin}/health/ready`, { ca: proxyCa });

      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({
        status: "ok",
        checks: { database: "ok", redis: "ok" },
      });
      expect(response.headers["strict-transport-security"]).toBe(
        "max-age=31536000; includeSubDomains",
      );
    });

    it("redirects plain HTTP to HTTPS", async () => {
      const response = await plainHttpGet(stack.httpPort);

      expect(response.status).toBe(308);
      expect(response.location).toMatch(/^https:\/\/localhost/);
    });
  });

  describe("backup and restore", () => {
    it(`stores user data and uploaded files (${USER_FLOW} flow)`, async () => {
      if (USER_FLOW === "api") seededUser = await seedThroughApi(stack, proxyCa);
      else await seedThroughDatabase(stack);
      // NOTE: there is no upload route yet, so the files are written into the data volume.
      const uploads = uploadFixtures();
      for (const [relative, content] of uploads) {
        await serverShell(
          stack,
          'cd "$DATA_DIR" && mkdir -p "uploads/$(dirname "$1")" && cat > "uploads/$1"',
          [relative],
          content,
        );
      }
      await waitForIdleJobs(stack);

      originalFingerprint = await fingerprint();
      originalUploads = await uploadHashes();

      const expectedUploads = [...uploads].map(([relative, content]) => [
        relative,
        sha256(content),
      ]);
      expect(originalUploads).toEqual(Object.fromEntries(expectedUploads));
      expect(rowCounts(originalFingerprint)["public.jobs"]).toBeGreaterThan(0);
    });

    it("backs up to a mode 600 archive", async () => {
      const result = await runBackup(stackScriptEnv(stack));

      expect(result.status, result.stderr).toBe(0);
      archive = writtenArchive(result);
      expect(fileMode(archive)).toBe(0o600);
      expect(manifestRows(await readManifest(archive))).toEqual(rowCounts(originalFingerprint));
    });

    it("restores every row and file after deletion", async () => {
      await databaseQuery(stack)(`
        DO $$
        DECLARE t text;
        BEGIN
          FOR t IN SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = 'public'
          LOOP EXECUTE 'TRUNCATE ' || t || ' CASCADE'; END LOOP;
        END $$;`);
      await serverShell(stack, 'rm -rf "$DATA_DIR/uploads"');
      expect(rowCounts(await fingerprint())["public.jobs"]).toBe(0);
      expect(await uploadHashes()).toEqual({});

      const result = await runRestore(["--force", archive], stackScriptEnv(stack));

      expect(result.status, result.stderr).toBe(0);
      expect(withoutJobs(await fingerprint())).toEqual(withoutJobs(originalFingerprint));
      expect(await uploadHashes()).toEqual(originalUploads);
      expect(await healthStatus(stack, "server")).toBe("healthy");
      if (seededUser) await logIn(stack, proxyCa, seededUser);
    });

    it("keeps the database when the backup is corrupted", async () => {
      const corrupted = path.join(stack.dir, "fitcoach-corrupted.tar.gz");
      writeCorruptedCopy(archive, corrupted);
      const before = await fingerprint();

      const result = await runRestore(["--force", corrupted], stackScriptEnv(stack));

      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/damaged|checksum/);
      expect(withoutJobs(await fingerprint())).toEqual(withoutJobs(before));
      expect(await uploadHashes()).toEqual(originalUploads);
      expect(await healthStatus(stack, "server")).toBe("healthy");
    });

    it("rolls back a restore whose row counts disagree", async () => {
      const tampered = path.join(stack.dir, "fitcoach-tampered.tar.gz");
      await writeCopyWithManifest(archive, tampered, (manifest) =>
        manifest.replace(
          /^rows public\.jobs (\d+)$/m,
          (_line, count: string) => `rows public.jobs ${Number(count) + 1}`,
        ),
      );
      const before = await fingerprint();

      const result = await runRestore(["--force", tampered], stackScriptEnv(stack));

      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("rolled back");
      await waitForHealthy(stack, "server");
      expect(withoutJobs(await fingerprint())).toEqual(withoutJobs(before));
      expect(await uploadHashes()).toEqual(originalUploads);
    });
  });

  it("leaves no compose container unhealthy", async () => {
    const result = await compose(stack, ["ps"]);

    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/unhealthy|Exit/);
  });
});
