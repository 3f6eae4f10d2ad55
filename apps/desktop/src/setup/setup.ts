// Script of the first-run page. It reads the server URL from a form and passes it to the main
// process, which checks it, stores it and then loads the web app.
import type { FitcoachDesktopApi } from "../preload-api";

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new TypeError(`The setup page has no #${id} element.`);
  return found as T;
}

async function startSetupPage(desktop: FitcoachDesktopApi): Promise<void> {
  const form = element<HTMLFormElement>("server-form");
  const input = element<HTMLInputElement>("server-url");
  const error = element<HTMLParagraphElement>("server-error");
  const button = element<HTMLButtonElement>("connect");

  const current = await desktop.getServerUrl();
  if (current !== null) input.value = current;
  input.focus();

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;

    desktop
      .setServerUrl(input.value)
      .then((result) => {
        if (!result.ok) {
          error.textContent = result.reason;
          error.hidden = false;
        }
      })
      .catch(() => {
        error.textContent = "The address could not be saved. Restart FitCoach and try again.";
        error.hidden = false;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}

if (window.fitcoachDesktop === undefined) {
  document.body.textContent = "This page works only inside the FitCoach desktop app.";
} else {
  void startSetupPage(window.fitcoachDesktop);
}
