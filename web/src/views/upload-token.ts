/** The API token: asked for where the archive needs one, and forgotten on request. */

import { h } from "../dom.ts";
import { forgetToken, tryToken } from "../session.ts";

export function tokenForm(announce: (text: string) => void): HTMLElement {
  const error = h("p", { id: "api-token-error", class: "field-error", hidden: true });
  const input = h("input", {
    id: "api-token",
    name: "api-token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    "aria-describedby": "api-token-hint",
  });
  const button = h("button", { type: "submit", class: "button" }, "Använd nyckeln");
  const form = h(
    "form",
    { class: "search-form token-form", "aria-labelledby": "token-h" },
    h("h2", { id: "token-h" }, "API-nyckel"),
    h(
      "p",
      { id: "api-token-hint", class: "hint" },
      "Arkivet tar bara emot filer med en API-nyckel. Klistra in nyckeln du fått av systemförvaltaren. ",
      "Den sparas bara i den här fliken och glöms när du stänger den.",
    ),
    h("label", { for: "api-token", class: "search-form__label" }, "API-nyckel"),
    h("div", { class: "search-form__row" }, input, button),
    error,
  );
  input.addEventListener("input", () => {
    input.removeAttribute("aria-invalid");
    error.hidden = true;
    input.setAttribute("aria-describedby", "api-token-hint");
  });
  const showError = (text: string): void => {
    error.textContent = text;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "api-token-hint api-token-error");
    input.focus();
    // Focus stays in the field it was already in, so the error is also said aloud.
    announce(text);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return showError("Skriv eller klistra in nyckeln först.");
    button.disabled = true;
    tryToken(token)
      .then((session) => {
        if (session.canWrite) announce("Nyckeln godtogs: du kan nu ändra i arkivet.");
        else showError("Nyckeln godtogs inte. Kontrollera att du klistrat in hela nyckeln.");
      })
      .catch(() => showError("Kunde inte kontrollera nyckeln. Försök igen om en stund."))
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}

export function tokenInUse(announce: (text: string) => void): HTMLElement {
  const forget = h("button", { type: "button", class: "link-button" }, "Glöm nyckeln");
  forget.addEventListener("click", () => {
    void forgetToken().then(() => announce("Nyckeln är borttagen från den här fliken."));
  });
  return h(
    "p",
    { class: "hint token-in-use" },
    "Du laddar upp med en API-nyckel som sparats i den här fliken. ",
    forget,
  );
}
