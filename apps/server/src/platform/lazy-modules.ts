import type sharpFunction from "sharp";
import type QRCodeModule from "qrcode";
import type webPushModule from "web-push";

/*
 * Heavy libraries that only some requests need. Importing them on first use keeps the resident
 * memory of a server that only tracks (most of them) about 50 MB lower, measured with Node 20.
 */

let sharpModule: Promise<typeof sharpFunction> | undefined;
let qrCodeModule: Promise<typeof QRCodeModule> | undefined;
let webPush: Promise<typeof webPushModule> | undefined;

export function loadSharp(): Promise<typeof sharpFunction> {
  sharpModule ??= import("sharp").then((module) => configureSharp(module.default));
  return sharpModule;
}

/**
 * Sets sharp's process-wide limits. One libvips thread per image, because the decode slots in
 * image-decoding.ts already run images in parallel, and no operation cache, because uploads are
 * never processed twice and the cache would keep their pixels in memory.
 */
function configureSharp(sharp: typeof sharpFunction): typeof sharpFunction {
  sharp.concurrency(1);
  sharp.cache(false);
  return sharp;
}

export function loadQrCode(): Promise<typeof QRCodeModule> {
  qrCodeModule ??= import("qrcode").then((module) => module.default);
  return qrCodeModule;
}

export function loadWebPush(): Promise<typeof webPushModule> {
  webPush ??= import("web-push").then((module) => module.default);
  return webPush;
}
