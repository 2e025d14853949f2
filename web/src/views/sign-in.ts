/**
 * Signing in with an API token: a form where the archive needs one, a line
 * saying who is signed in with a way out, and the /logga-in view for when
 * reading itself needs signing in (ARCHIVE_PUBLIC_READ=false).
 */

import { ApiError } from "../api/http.ts";
import type { Role, Session } from "../api/session.ts";
import { h, replace } from "../dom.ts";
import { loadSession, onSessionChange, signIn, signOut } from "../session.ts";
import { errorNotice, loadingNotice, setTitle, type View, type ViewContext } from "./common.ts";

export const ROLE_NAMES: Record<Role, string> = {
  reader: "läsare",
  editor: "redaktör",
  admin: "administratör",
};

/** The sign-in form; `onSignedIn` runs once the server has accepted the token. */
export function signInForm(announce: (text: string) => void, onSignedIn?: (session: Session) => void): HTMLElement {
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
  const button = h("button", { type: "submit", class: "button" }, "Logga in");
  const form = h(
    "form",
    { class: "search-form token-form", "aria-labelledby": "token-h" },
    h("h2", { id: "token-h" }, "Logga in med API-nyckel"),
    h(
      "p",
      { id: "api-token-hint", class: "hint" },
      "Klistra in nyckeln du fått av systemförvaltaren. Du förblir inloggad i den här webbläsaren under arbetsdagen (12 timmar) eller tills du loggar ut. ",
      "Nyckeln sparas inte i webbläsaren.",
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
    signIn(token)
      .then((session) => {
        input.value = "";
        announce(`Du är inloggad som ${session.name ?? "okänd"} (${roleName(session)}).`);
        onSignedIn?.(session);
      })
      .catch((reason: unknown) => {
        if (reason instanceof ApiError && reason.status === 401) {
          showError(
            "Nyckeln godtogs inte. Kontrollera att du klistrat in hela nyckeln, och att den inte har återkallats.",
          );
        } else if (reason instanceof ApiError && reason.status === 429) {
          showError("För många inloggningsförsök. Vänta en minut och försök igen.");
        } else showError("Kunde inte logga in just nu. Försök igen om en stund.");
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}

/** "Inloggad som Anna (redaktör). Logga ut" for a signed-in session. */
export function signedInAs(session: Session, announce: (text: string) => void): HTMLElement {
  const out = h("button", { type: "button", class: "link-button" }, "Logga ut");
  out.addEventListener("click", () => {
    out.disabled = true;
    signOut().then(
      () => announce("Du är utloggad."),
      () => {
        out.disabled = false;
        announce("Kunde inte logga ut. Försök igen.");
      },
    );
  });
  return h(
    "p",
    { class: "hint token-in-use" },
    `Inloggad som ${session.name ?? "okänd"} (${roleName(session)}). `,
    out,
  );
}

export function roleName(session: Session): string {
  return session.role ? ROLE_NAMES[session.role] : "ingen roll";
}

/** /logga-in?next=/path: signs in, then goes on to where the official was headed. */
export function signInView(ctx: ViewContext): View {
  setTitle("Logga in");
  const live = h("div", { class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
  const body = h("div", null, loadingNotice("Kontrollerar inloggningen …"));
  replace(ctx.root, h("h1", null, "Logga in"), body, live);
  const announce = (text: string): void => {
    live.textContent = text;
  };
  const next = safeNext(ctx.url.searchParams.get("next"));
  const show = (session: Session): void => {
    if (session.signedIn) {
      replace(
        body,
        signedInAs(session, announce),
        h("p", null, h("a", { href: next }, next === "/" ? "Gå till sökningen" : "Fortsätt dit du var på väg")),
      );
    } else {
      replace(
        body,
        signInForm(announce, () => ctx.navigate(next)),
      );
    }
  };
  const stop = onSessionChange(show);
  loadSession().then(show, (error: unknown) => replace(body, errorNotice(error, "inloggningen")));
  return { destroy: stop };
}

/** Only a path on this site: `next` must never lead the browser elsewhere. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
