import { File, Paths } from "expo-file-system";
import * as Sharing from "expo-sharing";
import type { DownloadedFile } from "@fitcoach/client";

/**
 * Writes the export to the app's cache folder and opens the share sheet, so the user decides where
 * the file goes. The cache copy is deleted once the sheet closes.
 */
// NOTE: this runs only on a device; the tests have no stand-in for expo-file-system or
// expo-sharing, and whether React Native's Blob offers text() was not checked on one.
export async function shareExportFile(download: DownloadedFile): Promise<void> {
  const file = new File(Paths.cache, download.fileName);
  file.write(await download.blob.text());
  try {
    await Sharing.shareAsync(file.uri, { mimeType: "application/json", UTI: "public.json" });
  } finally {
    file.delete();
  }
}
