import { randomBytes } from "node:crypto";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import type { Logger } from "pino";

import { problem } from "../../platform/errors";
import { withImageDecodeSlot } from "../../platform/image-decoding";
import { loadSharp } from "../../platform/lazy-modules";

/** Maximum pixels on the longer edge of a stored photo; larger uploads are scaled down to it. */
export const MEAL_PHOTO_MAX_EDGE_PX = 4096;
const JPEG_QUALITY = 85;
const FILE_NAME_PATTERN = /^[0-9a-f]{32}\.jpg$/;

/**
 * Upload types, recognised by their content. HEIC is missing because the prebuilt libvips in
 * sharp 0.35 decodes AVIF but has no HEVC decoder (sharp.format.heif lists only .avif).
 */
const ACCEPTED_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

export interface ProcessedPhoto {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Checks an uploaded image and re-encodes it as a JPEG without any metadata. The steps run in
 * order of cost: the type from the magic bytes, then the pixel count declared in the header
 * (read without decoding), and only then decoding. sharp's limitInputPixels repeats the pixel
 * limit in case a header understates the image. The decoded image is turned by its EXIF
 * orientation, and sharp writes no EXIF, GPS, XMP, ICC profile or comment unless asked to.
 */
export async function processMealPhoto(
  upload: Buffer,
  limits: { maxPixels: number },
): Promise<ProcessedPhoto> {
  return withImageDecodeSlot(() => decodeMealPhoto(upload, limits));
}

async function decodeMealPhoto(
  upload: Buffer,
  limits: { maxPixels: number },
): Promise<ProcessedPhoto> {
  const sharp = await loadSharp();
  const detected = await fileTypeFromBuffer(upload);
  if (!detected || !ACCEPTED_TYPES.has(detected.mime)) {
    const found = detected ? `a ${detected.mime} file` : "not an image this server can read";
    throw problem("unsupported-media-type", {
      detail: `The upload is ${found}; send a JPEG, PNG or WebP photo (HEIC is not supported).`,
    });
  }

  const { width, height } = await readDimensions(sharp, upload);
  if (width * height > limits.maxPixels) {
    throw problem("unprocessable-content", {
      detail: `The image is ${width} × ${height} pixels (${megapixels(width * height)} MP); photos may have at most ${megapixels(limits.maxPixels)} MP.`,
    });
  }

  try {
    const { data, info } = await sharp(upload, {
      limitInputPixels: limits.maxPixels,
      failOn: "error",
    })
      .rotate()
      .resize({
        width: MEAL_PHOTO_MAX_EDGE_PX,
        height: MEAL_PHOTO_MAX_EDGE_PX,
        fit: "inside",
        withoutEnlargement: true,
      })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw problem("unprocessable-content", {
      detail: `The ${detected.ext.toUpperCase()} image is damaged or incomplete and could not be decoded.`,
    });
  }
}

async function readDimensions(
  sharp: Awaited<ReturnType<typeof loadSharp>>,
  upload: Buffer,
): Promise<{ width: number; height: number }> {
  try {
    // Reads the header only; the pixel limit is checked by the caller with the real numbers.
    const metadata = await sharp(upload, { limitInputPixels: false }).metadata();
    if (metadata.width && metadata.height)
      return { width: metadata.width, height: metadata.height };
  } catch {
    // A header sharp cannot parse is reported like one without dimensions.
  }
  throw problem("unprocessable-content", {
    detail: "The image header is damaged, so its size could not be read.",
  });
}

function megapixels(pixels: number): string {
  return (pixels / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 });
}

/** Meal photos on disk, under DATA_DIR/uploads/<user id>/ with random file names. */
export class MealPhotoStore {
  private readonly root: string;

  private readonly logger: Logger;

  constructor(dataDir: string, logger: Logger) {
    this.root = path.join(dataDir, "uploads");
    this.logger = logger;
  }

  /** Writes a processed photo and returns its file name; the name says nothing about the meal. */
  async save(userId: string, data: Buffer): Promise<string> {
    const folder = this.folderOf(userId);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const fileName = `${randomBytes(16).toString("hex")}.jpg`;
    await writeFile(path.join(folder, fileName), data, { flag: "wx", mode: 0o600 });
    return fileName;
  }

  /** Absolute path of a stored photo; throws on a name this store did not generate. */
  pathOf(userId: string, fileName: string): string {
    if (!FILE_NAME_PATTERN.test(fileName))
      throw new TypeError(`Invalid photo file name: ${fileName}`);
    return path.join(this.folderOf(userId), fileName);
  }

  /**
   * Returns whether the user's folder contains a regular file of this name. A name this store
   * could not have generated returns false.
   */
  async exists(userId: string, fileName: string): Promise<boolean> {
    if (!FILE_NAME_PATTERN.test(fileName)) return false;
    try {
      return (await stat(this.pathOf(userId, fileName))).isFile();
    } catch {
      return false;
    }
  }

  /** Deletes a stored photo; a file that is already gone is not an error. */
  async remove(userId: string, fileName: string): Promise<void> {
    try {
      await rm(this.pathOf(userId, fileName), { force: true });
    } catch (error) {
      this.logger.error({ err: error, userId }, "meal photo deletion failed");
    }
  }

  /** Deletes every photo of a user, as account deletion does. */
  async removeAll(userId: string): Promise<void> {
    await rm(this.folderOf(userId), { recursive: true, force: true });
  }

  private folderOf(userId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(userId)) throw new TypeError(`Invalid user id: ${userId}`);
    return path.join(this.root, userId);
  }
}
