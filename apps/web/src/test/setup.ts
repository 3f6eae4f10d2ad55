import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { Blob as NodeBlob, File as NodeFile } from "node:buffer";
import { afterEach } from "vitest";

// Lazy screens are transformed on their first import in a test file, which can take over a second
// on a busy machine; the default 1-second wait then fails for reasons unrelated to the app.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// The API client sends uploads with Node's fetch, which never finishes a body built from jsdom's
// FormData and File. Tests therefore use Node's own classes, as a browser's fetch and FormData
// come from one implementation too. React reads submitted forms with `new FormData(form)`, which
// only jsdom's class understands, so that form is copied through it.
const JsdomFormData = globalThis.FormData;
const NodeFormData = (await new Response(new URLSearchParams()).formData())
  .constructor as typeof FormData;
class TestFormData extends NodeFormData {
  constructor(form?: HTMLFormElement, submitter?: HTMLElement | null) {
    super();
    if (!form) return;
    for (const [name, value] of new JsdomFormData(form, submitter)) this.append(name, value);
  }
}
Object.assign(globalThis, { Blob: NodeBlob, File: NodeFile, FormData: TestFormData });

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
