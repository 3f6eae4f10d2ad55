import { Platform } from "react-native";
import * as ImagePicker from "expo-image-picker";
import { mealPhotoDraftSchema } from "@fitcoach/contract";
import type { MealPhotoDraft } from "@fitcoach/contract";

import type { MobileRuntime } from "../../runtime/mobile-runtime";

/** A photo picked on the device, ready to upload. */
export interface PickedPhoto {
  uri: string;
  fileName: string;
  mimeType: string;
}

/** Source of the photo; each source needs its own permission. */
export type PhotoSource = "camera" | "library";

// The server re-encodes photos to at most 1536 pixels a side, so sending more only costs data.
const PICKER_OPTIONS: ImagePicker.ImagePickerOptions = {
  mediaTypes: ["images"],
  quality: 0.8,
  exif: false,
};

/** Lets the user take or pick a photo; returns null when they cancel or deny the permission. */
export async function pickMealPhoto(source: PhotoSource): Promise<PickedPhoto | null> {
  const permission =
    source === "camera"
      ? await ImagePicker.requestCameraPermissionsAsync()
      : await ImagePicker.requestMediaLibraryPermissionsAsync();
  if (!permission.granted) return null;

  const result =
    source === "camera"
      ? await ImagePicker.launchCameraAsync(PICKER_OPTIONS)
      : await ImagePicker.launchImageLibraryAsync(PICKER_OPTIONS);
  const asset = result.canceled ? null : result.assets[0];
  if (!asset) return null;
  return {
    uri: asset.uri,
    fileName: asset.fileName ?? "meal.jpg",
    mimeType: asset.mimeType ?? "image/jpeg",
  };
}

/** Sends the photo to the coach, which drafts a meal from it; nothing is stored on the server. */
export async function recognizeMealPhoto(
  runtime: MobileRuntime,
  photo: PickedPhoto,
): Promise<MealPhotoDraft> {
  const form = new FormData();
  if (Platform.OS === "web") {
    // Browsers hand out blob: URLs; reading one is local and never reaches the network.
    const blob = await (await fetch(photo.uri)).blob();
    form.append("file", blob, photo.fileName);
  } else {
    // React Native's FormData uploads the file behind a local URI given in this shape.
    form.append("file", { uri: photo.uri, name: photo.fileName, type: photo.mimeType } as never);
  }
  return runtime.api.request({
    method: "POST",
    path: "/coach/meal-photo",
    body: form,
    schema: mealPhotoDraftSchema,
  });
}
