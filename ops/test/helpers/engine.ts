import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { hasCommand, run } from "./process";

/** The docker and docker-compose commands to use, and the daemon this test started, if any. */
export interface ContainerEngine {
  docker: string;
  compose: string;
  /** Environment for docker and docker-compose: BuildKit on, the Debian docker client first. */
  env: NodeJS.ProcessEnv;
  startedDaemon: ChildProcess | null;
}

export type EngineResult = { ok: true; engine: ContainerEngine } | { ok: false; reason: string };

const DAEMON_START_TIMEOUT_MS = 30_000;
const PACKAGES = ["docker.io", "docker-compose", "debootstrap"];

/**
 * Makes a container engine available: installs Debian's docker.io, docker-compose and debootstrap
 * when they are missing, and starts dockerd only when no daemon responds. Returns the reason when
 * that is impossible, so the caller can say why it skips the container checks.
 */
export async function prepareContainerEngine(): Promise<EngineResult> {
  const installed = await installPackagesIfMissing();
  if (!installed.ok) return installed;

  // Debian's docker 20.10 client runs BuildKit without buildx. A newer client elsewhere on PATH
  // may lack buildx and fall back to the legacy builder, so /usr/bin comes first.
  const docker = existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker";
  const env = {
    ...process.env,
    PATH: `/usr/bin:${process.env.PATH ?? ""}`,
    DOCKER_BUILDKIT: "1",
  };
  const engine: ContainerEngine = { docker, compose: "docker-compose", env, startedDaemon: null };
  // `docker version` names the cause plainly (socket missing, permission denied).
  const probe = await run(docker, ["version", "--format", "{{.Server.Version}}"], { env });
  if (probe.status === 0) return { ok: true, engine };

  const probeError = probe.stderr.trim().split("\n").pop() ?? "";
  return startDaemon(engine, probeError);
}

/** Stops the daemon this test started; leaves a daemon that was already running alone. */
export async function stopContainerEngine(engine: ContainerEngine): Promise<void> {
  const daemon = engine.startedDaemon;
  if (!daemon || daemon.exitCode !== null) return;

  const exited = new Promise<void>((resolve) => daemon.once("exit", () => resolve()));
  daemon.kill("SIGTERM");
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 20_000));
  await Promise.race([exited, timeout]);
  if (daemon.exitCode === null) daemon.kill("SIGKILL");
}

async function installPackagesIfMissing(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const missing =
    !(await hasCommand("dockerd")) ||
    !(await hasCommand("docker-compose")) ||
    !(await hasCommand("debootstrap"));
  if (!missing) return { ok: true };
  if (process.getuid?.() !== 0 || !(await hasCommand("apt-get"))) {
    return {
      ok: false,
      reason: `docker, docker-compose or debootstrap is missing, and installing ${PACKAGES.join(", ")} needs root and apt-get`,
    };
  }

  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = await run("apt-get", ["update", "-qq"], { env, timeoutMs: 180_000 });
  const install = await run("apt-get", ["install", "-y", "-qq", ...PACKAGES], {
    env,
    timeoutMs: 300_000,
  });
  if (update.status !== 0 || install.status !== 0) {
    return {
      ok: false,
      reason: `apt-get install ${PACKAGES.join(" ")} failed: ${install.stderr.trim()}`,
    };
  }
  return { ok: true };
}

async function startDaemon(engine: ContainerEngine, probeError: string): Promise<EngineResult> {
  if (!(await hasCommand("dockerd"))) return { ok: false, reason: "dockerd is not installed" };
  if (process.getuid?.() !== 0) {
    return {
      ok: false,
      reason: `the docker daemon is unreachable (${probeError}), and starting dockerd needs root`,
    };
  }

  const logFile = path.join(
    mkdtempSync(path.join(os.tmpdir(), "fitcoach-dockerd-")),
    "dockerd.log",
  );
  const output = openSync(logFile, "a");
  const daemon = spawn("dockerd", [], { stdio: ["ignore", output, output], env: engine.env });
  engine.startedDaemon = daemon;

  const deadline = Date.now() + DAEMON_START_TIMEOUT_MS;
  while (Date.now() < deadline && daemon.exitCode === null) {
    if ((await run(engine.docker, ["info"], { env: engine.env })).status === 0) {
      return { ok: true, engine };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  await stopContainerEngine(engine);
  const log = readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n");
  return {
    ok: false,
    reason: `dockerd did not start within 30 s; last lines of ${logFile}:\n${log}`,
  };
}
