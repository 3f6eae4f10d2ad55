import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meal } from "@fitcoach/contract";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";
import { IMAGE_DECODES_MAX, IMAGE_DECODES_WAITING_MAX } from "../../platform/image-decoding";

const UPLOAD_MAX_BYTES = 200_000;

/** Builds a multipart/form-data body with one file part. */
function multipartFile(
  data: Buffer,
  options: { field?: string; filename?: string; contentType?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----fitcoach-${randomBytes(8).toString("hex")}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${options.field ?? "file"}"; filename="${options.filename ?? "photo.jpg"}"\r\n` +
    `Content-Type: ${options.contentType ?? "image/jpeg"}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Builds a 64 × 32 JPEG as a phone sends it: GPS position, camera make, rotation, P3 profile. */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 32, channels: 3, background: "#d04010" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "FitPhone", Model: "Pro 9" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "48/1 51/1 2959/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "2/1 17/1 4020/100",
      },
    })
    .withMetadata({ orientation: 6 })
    .withIccProfile("p3")
    .toBuffer();
}

/** True when the first IFD of an EXIF block points to a GPS IFD (tag 0x8825). */
function hasGpsIfd(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.subarray(0, 4).toString("latin1") === "Exif" ? 6 : 0);
  const littleEndian = tiff.toString("latin1", 0, 2) === "II";
  const read16 = (offset: number): number =>
    littleEndian ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset);
  const firstIfd = littleEndian ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let entry = 0; entry < read16(firstIfd); entry += 1) {
    if (read16(firstIfd + 2 + entry * 12) === 0x8825) return true;
  }
  return false;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, checksum]);
}

/**
 * Builds a valid 1-bit grayscale PNG of width × height pixels. At 20,000 × 20,000 it compresses
 * to about 50 KB but decodes to 400 million pixels, which makes it a decompression bomb.
 */
function blankPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1;
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("meal photos", () => {
  let subject: TestApp;
  let dataDir: string;
  let token: string;
  let userId: string;
  let strangerToken: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "fitcoach-photos-"));
    subject = await createTestApp({
      env: { DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) },
    });
    const runJobs = (): Promise<number> => subject.deps.jobs.runOnce();
    token = (await registerAndLogin(subject.app, subject.logs, runJobs)).accessToken;
    strangerToken = (await registerAndLogin(subject.app, subject.logs, runJobs)).accessToken;
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(token),
    });
    userId = (me.json() as { id: string }).id;
  });
  afterAll(async () => {
    await subject.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function newMeal(): Promise<Meal> {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/meals",
      headers: bearer(token),
      payload: { date: "2026-01-15", type: "lunch", items: [{ foodId: "09040", grams: 100 }] },
    });
    return response.json() as Meal;
  }

  async function upload(
    mealId: string,
    data: Buffer,
    options: Parameters<typeof multipartFile>[1] = {},
  ): Promise<{ statusCode: number; json: () => unknown; headers: Record<string, unknown> }> {
    const body = multipartFile(data, options);
    return subject.app.inject({
      method: "POST",
      url: `/api/v1/meals/${mealId}/photo`,
      headers: { ...bearer(token), ...body.headers },
      payload: body.payload,
    });
  }

  function storedFiles(): string[] {
    try {
      return readdirSync(path.join(dataDir, "uploads", userId));
    } catch {
      return [];
    }
  }

  it("strips GPS and applies the orientation", async () => {
    const meal = await newMeal();
    const original = await phoneJpeg();
    const originalMetadata = await sharp(original).metadata();
    expect(hasGpsIfd(originalMetadata.exif!)).toBe(true);
    expect(originalMetadata.orientation).toBe(6);
    expect(originalMetadata.icc).toBeDefined();

    const response = await upload(meal.id, original);

    expect(response.statusCode).toBe(200);
    expect((response.json() as Meal).photo).toMatchObject({
      url: `/api/v1/meals/${meal.id}/photo`,
      contentType: "image/jpeg",
      width: 32,
      height: 64,
    });
    expect(response.headers.etag).toBe('"v2"');
    const download = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: bearer(token),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("image/jpeg");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-disposition"]).toBe('inline; filename="meal.jpg"');
    expect(download.headers["cache-control"]).toBe("no-store");
    const stored = await sharp(download.rawPayload).metadata();
    expect(stored.format).toBe("jpeg");
    expect(stored.exif).toBeUndefined();
    expect(stored.icc).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect([stored.width, stored.height]).toEqual([32, 64]);
    expect(download.rawPayload.includes(Buffer.from("FitPhone"))).toBe(false);
    expect(storedFiles()).toContainEqual(expect.stringMatching(/^[0-9a-f]{32}\.jpg$/));
  });

  it("re-encodes PNG and WebP as JPEG", async () => {
    for (const format of ["png", "webp"] as const) {
      const meal = await newMeal();
      const image = await sharp({
        create: { width: 40, height: 30, channels: 4, background: "#00804080" },
      })
        .toFormat(format)
        .toBuffer();

      const response = await upload(meal.id, image, {
        filename: `plate.${format}`,
        contentType: `image/${format}`,
      });

      expect(response.statusCode, format).toBe(200);
      expect((response.json() as Meal).photo).toMatchObject({ width: 40, height: 30 });
    }
  });

  it("refuses a 20000 × 20000 PNG without decoding", async () => {
    const meal = await newMeal();
    const bomb = blankPng(20_000, 20_000);
    const filesBefore = storedFiles().length;
    const rssBefore = process.memoryUsage().rss;

    const response = await upload(meal.id, bomb, {
      filename: "bomb.png",
      contentType: "image/png",
    });

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      type: "/problems/unprocessable-content",
      detail: expect.stringContaining("20000 × 20000") as string,
    });
    // Decoding would need at least 400 MB for 8-bit gray pixels.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(storedFiles()).toHaveLength(filesBefore);
    const after = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}`,
      headers: bearer(token),
    });
    expect(after.json()).toMatchObject({ photo: null, version: 1 });
  });

  it("refuses content that is not an image", async () => {
    const meal = await newMeal();

    const text = await upload(meal.id, Buffer.from("<html><script>alert(1)</script></html>"));
    const gif = await upload(
      meal.id,
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
        .gif()
        .toBuffer(),
    );

    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ type: "/problems/unsupported-media-type" });
    expect(gif.statusCode).toBe(415);
    expect((gif.json() as { detail: string }).detail).toContain("image/gif");
  });

  it("refuses a damaged image", async () => {
    const meal = await newMeal();
    const image = await sharp({
      create: { width: 300, height: 300, channels: 3, background: "#123456" },
    })
      .png()
      .toBuffer();

    const response = await upload(meal.id, image.subarray(0, 60), { contentType: "image/png" });

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ type: "/problems/unprocessable-content" });
  });

  it("refuses a file over the size limit", async () => {
    const meal = await newMeal();
    const noise = await sharp(randomBytes(300 * 300 * 3), {
      raw: { width: 300, height: 300, channels: 3 },
    })
      .png()
      .toBuffer();
    expect(noise.length).toBeGreaterThan(UPLOAD_MAX_BYTES);

    const response = await upload(meal.id, noise, { contentType: "image/png" });

    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      type: "/problems/payload-too-large",
      detail: expect.stringContaining(String(UPLOAD_MAX_BYTES)) as string,
    });
  });

  it("refuses a file just over the limit", async () => {
    const meal = await newMeal();
    // Under the Content-Length check, which allows for multipart overhead, so the parser's own
    // file size limit has to catch it.
    const padded = Buffer.concat([await phoneJpeg(), Buffer.alloc(UPLOAD_MAX_BYTES)]);

    const response = await upload(meal.id, padded);

    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ type: "/problems/payload-too-large" });
    const after = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}`,
      headers: bearer(token),
    });
    expect(after.json()).toMatchObject({ photo: null });
  });

  it("requires the file field", async () => {
    const meal = await newMeal();

    const wrongField = await upload(meal.id, await phoneJpeg(), { field: "image" });
    const json = await subject.app.inject({
      method: "POST",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: bearer(token),
      payload: { file: "data:image/jpeg;base64,AAAA" },
    });

    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ errors: [{ field: "file" }] });
    expect(json.statusCode).toBe(415);
  });

  it("refuses a second file instead of ignoring it", async () => {
    const meal = await newMeal();
    const photo = await phoneJpeg();
    const first = multipartFile(photo);
    const boundary = /boundary=(.*)$/.exec(first.headers["content-type"]!)![1]!;
    const secondPart = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.jpg"\r\n` +
        "Content-Type: image/jpeg\r\n\r\n",
    );
    // The first body ends with the closing boundary; the second file goes in before it.
    const closing = Buffer.from(`--${boundary}--\r\n`);
    const body = Buffer.concat([
      first.payload.subarray(0, first.payload.length - closing.length),
      secondPart,
      photo,
      Buffer.from("\r\n"),
      closing,
    ]);

    const response = await subject.app.inject({
      method: "POST",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: { ...bearer(token), ...first.headers },
      payload: body,
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      errors: [{ field: "file", message: "must be one file" }],
    });
    const stored = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: bearer(token),
    });
    expect(stored.statusCode).toBe(404);
  });

  it("serves the photo to the owner only", async () => {
    const meal = await newMeal();
    await upload(meal.id, await phoneJpeg());

    const theirs = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: bearer(strangerToken),
    });
    const anonymous = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}/photo`,
    });
    const strangerUpload = multipartFile(await phoneJpeg());
    const overwrite = await subject.app.inject({
      method: "POST",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: { ...bearer(strangerToken), ...strangerUpload.headers },
      payload: strangerUpload.payload,
    });

    expect(theirs.statusCode).toBe(404);
    expect(anonymous.statusCode).toBe(401);
    expect(overwrite.statusCode).toBe(404);
  });

  it("replaces and removes the stored file", async () => {
    const meal = await newMeal();
    await upload(meal.id, await phoneJpeg());
    const filesWithFirst = storedFiles();

    await upload(meal.id, await phoneJpeg());
    const filesWithSecond = storedFiles();
    const removal = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: bearer(token),
    });

    expect(filesWithSecond).toHaveLength(filesWithFirst.length);
    expect(filesWithSecond).not.toEqual(filesWithFirst);
    expect(removal.statusCode).toBe(200);
    expect(removal.json()).toMatchObject({ photo: null, version: 4 });
    expect(storedFiles()).toHaveLength(filesWithFirst.length - 1);
    const download = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: bearer(token),
    });
    expect(download.statusCode).toBe(404);
  });

  it("deletes the file with its meal", async () => {
    const meal = await newMeal();
    await upload(meal.id, await phoneJpeg());
    const before = storedFiles().length;

    const removal = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/meals/${meal.id}`,
      headers: bearer(token),
    });

    expect(removal.statusCode).toBe(204);
    expect(storedFiles()).toHaveLength(before - 1);
  });

  it("removes all files of a user", async () => {
    const meal = await newMeal();
    await upload(meal.id, await phoneJpeg());
    expect(storedFiles().length).toBeGreaterThan(0);

    await subject.app.services.mealPhotos.removeAllPhotos(userId);

    expect(storedFiles()).toEqual([]);
  });

  it("rejects an upload with a stale If-Match", async () => {
    const meal = await newMeal();
    const body = multipartFile(await phoneJpeg());

    const response = await subject.app.inject({
      method: "POST",
      url: `/api/v1/meals/${meal.id}/photo`,
      headers: { ...bearer(token), ...body.headers, "if-match": '"v7"' },
      payload: body.payload,
    });

    expect(response.statusCode).toBe(412);
  });

  it("answers parallel uploads without 500", async () => {
    const photo = await sharp({
      create: { width: 3000, height: 3000, channels: 3, background: "#40a040" },
    })
      .jpeg({ quality: 50 })
      .toBuffer();
    const parallel = IMAGE_DECODES_MAX + IMAGE_DECODES_WAITING_MAX + 6;
    const targets = await Promise.all(Array.from({ length: parallel }, () => newMeal()));

    const responses = await Promise.all(targets.map((meal) => upload(meal.id, photo)));

    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(
      IMAGE_DECODES_MAX,
    );
    for (const response of responses.filter((item) => item.statusCode === 503)) {
      expect(response.headers["retry-after"]).toBe("5");
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect((response.json() as { type: string }).type).toBe("/problems/service-unavailable");
    }
  });
});
