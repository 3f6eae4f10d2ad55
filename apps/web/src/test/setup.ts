import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// jsdom has no object URLs; the app only hands them to links and images, which jsdom never loads.
if (typeof URL.createObjectURL !== "function") {
  URL.createObjectURL = () => "blob:jsdom";
  URL.revokeObjectURL = () => undefined;
}

/** File names the app handed to the browser for download during the current test. */
export const downloads: string[] = [];

// jsdom cannot follow a download link, so clicks on blob links are recorded instead.
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function recordDownload(this: HTMLAnchorElement): void {
  if (this.href.startsWith("blob:") && this.download) {
    downloads.push(this.download);
    return;
  }
  click.call(this);
};

afterEach(() => {
  downloads.length = 0;
});
