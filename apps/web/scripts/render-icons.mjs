// Renders the PNG app icons from public/icons/icon.svg. Run after changing the SVG:
//   node apps/web/scripts/render-icons.mjs
// It uses sharp, which the server workspace already depends on.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const icons = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public/icons");
const svg = await readFile(path.join(icons, "icon.svg"));

for (const size of [192, 512]) {
  await sharp(svg, { density: 300 })
    .resize(size, size)
    .png()
    .toFile(path.join(icons, `icon-${size}.png`));
}

// A maskable icon must keep its content inside the central 80% circle, so it gets a full-bleed
// background and the artwork scaled to 70%.
const inner = await sharp(svg, { density: 300 }).resize(358, 358).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: "#0f766e" } })
  .composite([{ input: inner, gravity: "center" }])
  .png()
  .toFile(path.join(icons, "icon-maskable-512.png"));
