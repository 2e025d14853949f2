/** Pieces shared by the views: the view lifecycle, errors in Swedish, dnr links. */

import { ApiError } from "../api/http.ts";
import { type Child, h } from "../dom.ts";
import { caseHref, signInHref } from "../labels.ts";

export interface ViewContext {
  /** The <main> element the view renders into. */
  root: HTMLElement;
  url: URL;
  /** Client-side navigation; `replace` swaps the current history entry. */
  navigate(href: string, options?: { replace?: boolean }): void;
}

export interface View {
  /** Takes a new URL for the same route without a full re-render; false = remount. */
  update?(url: URL): boolean;
  destroy(): void;
}

export type ViewFactory = (ctx: ViewContext) => View;

export const APP_NAME = "Nämndarkivet";

export function setTitle(title: string): void {
  document.title = title ? `${title} – ${APP_NAME}` : APP_NAME;
}

/**
 * Explains a failed request to a person, in Swedish. The server's own message
 * is English and technical, so only its stable code is shown, for support.
 */
export function errorMessage(
  error: unknown,
  subject = "sidan",
): { title: string; detail: string; code: string | null } {
  if (!(error instanceof ApiError)) {
    return { title: `Kunde inte visa ${subject}.`, detail: "Ladda om sidan och försök igen.", code: null };
  }
  const code = error.code;
  if (error.status === 0) {
    return { title: "Kunde inte nå arkivet.", detail: "Kontrollera nätverksanslutningen och försök igen.", code: null };
  }
  if (error.status === 404) {
    return { title: `Hittade inte ${subject}.`, detail: "Den kan ha tagits bort eller adressen kan vara fel.", code };
  }
  if (error.status === 400 || error.status === 422) {
    return {
      title: "Frågan kunde inte tolkas.",
      detail:
        "Adressen innehåller ett värde som arkivet inte förstår. Ändra sökningen eller ta bort filtren och försök igen.",
      code,
    };
  }
  if (error.status === 401) {
    return { title: "Du behöver logga in.", detail: "Logga in med din API-nyckel för att se det här.", code };
  }
  if (error.status === 403) {
    return { title: "Du saknar behörighet.", detail: "Kontakta systemförvaltaren om du behöver åtkomst.", code };
  }
  if (error.status === 429) {
    return { title: "Arkivet har många frågor just nu.", detail: "Vänta en liten stund och försök igen.", code };
  }
  return {
    title: error.status >= 500 ? "Något gick fel i arkivet." : `Kunde inte hämta ${subject}.`,
    detail: "Försök igen om en stund. Kvarstår felet, kontakta systemförvaltaren.",
    code,
  };
}

export function errorNotice(error: unknown, subject?: string): HTMLElement {
  const { title, detail, code } = errorMessage(error, subject);
  return h(
    "div",
    { class: "notice notice--error", role: "alert" },
    h("p", { class: "notice__title" }, title),
    h("p", null, detail),
    error instanceof ApiError && error.status === 401 ? h("p", null, h("a", { href: signInHref() }, "Logga in")) : null,
    code ? h("p", { class: "hint" }, `Felkod: ${code}`) : null,
  );
}

export function loadingNotice(text = "Hämtar …"): HTMLElement {
  return h("p", { class: "notice notice--loading", role: "status" }, text);
}

export function dateEl(iso: string | null): Child {
  if (!iso) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? h("time", { datetime: iso }, iso) : iso;
}

/** Each diarienummer as a link to its case, separated by commas. */
export function dnrLinks(numbers: readonly string[]): Child[] {
  const out: Child[] = [];
  numbers.forEach((dnr, i) => {
    if (i > 0) out.push(", ");
    out.push(h("a", { href: caseHref(dnr), class: "dnr" }, dnr));
  });
  return out;
}

/** A description list from label/value pairs; pairs without a value are left out. */
export function facts(pairs: readonly [string, Child][], className = "facts"): HTMLElement | null {
  const items = pairs.filter(
    ([, value]) =>
      value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0),
  );
  if (items.length === 0) return null;
  return h(
    "dl",
    { class: className },
    items.map(([label, value]) => h("div", null, h("dt", null, label), h("dd", null, value))),
  );
}

/**
 * After an asynchronous render, moves focus to the new content, but only if
 * the user has not already moved on (focus still on <main> or nowhere).
 */
export function settleFocus(root: HTMLElement, target?: HTMLElement | null): void {
  const active = document.activeElement;
  if (active !== root && active !== document.body && active !== null) return;
  const el = target ?? root.querySelector<HTMLElement>("h1");
  if (!el) return;
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: true });
  if (target) el.scrollIntoView({ block: "start" });
}
