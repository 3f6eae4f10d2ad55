// Draws the app and tray icons (a water drop) as PNG files. The output is committed, so this only
// needs to run again when the drawing changes: node scripts/draw-icons.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const DESKTOP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BLUE = [37, 99, 235];
const BLACK = [0, 0, 0];
const SAMPLES_PER_AXIS = 4;

/** Returns whether a point in [-1, 1] square coordinates lies inside the drop outline. */
function isInsideDrop(x, y) {
  const center = { x: 0, y: 0.22 };
  const radius = 0.62;
  const tip = { x: 0, y: -0.9 };

  const dx = x - center.x;
  const dy = y - center.y;
  if (dx * dx + dy * dy <= radius * radius) return true;

  // The upper part is the cone from the tip to the points where its sides touch the circle.
  const tipToCenter = center.y - tip.y;
  const halfAngle = Math.asin(radius / tipToCenter);
  const axial = y - tip.y;
  const tangentAxial = (tipToCenter * tipToCenter - radius * radius) / tipToCenter;
  if (axial <= 0 || axial > tangentAxial) return false;
  return Math.abs(x - tip.x) <= axial * Math.tan(halfAngle);
}

function drawDrop(sizeInPixels, color) {
  const rows = [];
  for (let row = 0; row < sizeInPixels; row++) {
    const line = Buffer.alloc(1 + sizeInPixels * 4);
    for (let column = 0; column < sizeInPixels; column++) {
      let covered = 0;
      for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
        for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
          const x = ((column + (sx + 0.5) / SAMPLES_PER_AXIS) / sizeInPixels) * 2 - 1;
          const y = ((row + (sy + 0.5) / SAMPLES_PER_AXIS) / sizeInPixels) * 2 - 1;
          if (isInsideDrop(x / 0.92, y / 0.92)) covered++;
        }
      }
      const offset = 1 + column * 4;
      line[offset] = color[0];
      line[offset + 1] = color[1];
      line[offset + 2] = color[2];
      line[offset + 3] = Math.round((covered / SAMPLES_PER_AXIS ** 2) * 255);
    }
    rows.push(line);
  }
  return encodePNG(sizeInPixels, Buffer.concat(rows));
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePNG(sizeInPixels, filteredRows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(sizeInPixels, 0);
  header.writeUInt32BE(sizeInPixels, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(filteredRows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outputs = [
  ["build/icon.png", 512, BLUE],
  ["assets/app-icon.png", 256, BLUE],
  ["assets/tray-icon.png", 32, BLUE],
  // macOS tints menu-bar images whose names end in "Template"; they must be black with alpha.
  ["assets/tray-iconTemplate.png", 16, BLACK],
  ["assets/tray-iconTemplate@2x.png", 32, BLACK],
];
for (const [relativePath, sizeInPixels, color] of outputs) {
  writeFileSync(path.join(DESKTOP_DIR, relativePath), drawDrop(sizeInPixels, color));
}
