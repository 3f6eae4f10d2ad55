import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const APP_ROOT = path.resolve(__dirname, "..");

/**
 * Builds the web export with `expo export --platform web --dev` into a new folder and returns it.
 * The development build is what allows plain HTTP to a server on 127.0.0.1; release builds insist
 * on HTTPS. The Expo CLI runs offline, since this machine reaches no Expo service.
 */
export async function exportWebApp(): Promise<string> {
  const outputFolder = mkdtempSync(path.join(tmpdir(), "fitcoach-mobile-web-"));
  const cli = require.resolve("expo/bin/cli", { paths: [APP_ROOT] });
  const output: string[] = [];

  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, "export", "--platform", "web", "--dev", "--output-dir", outputFolder],
      {
        cwd: APP_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, EXPO_OFFLINE: "1", EXPO_NO_TELEMETRY: "1", CI: "1" },
      },
    );
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) {
    throw new Error(`expo export failed with code ${code}:\n${output.join("").slice(-4000)}`);
  }
  return outputFolder;
}
