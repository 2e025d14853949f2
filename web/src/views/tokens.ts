/**
 * API-nycklar, for admins (/nycklar): who holds a key to the archive and with
 * what role, a new key for a colleague (its secret shown once, here, and
 * never again), and revoking one. The same keys as `archive token ...`.
 */

import { ApiError, isAbort } from "../api/http.ts";
import type { Role } from "../api/session.ts";
import { type ApiToken, createToken, getTokens, revokeToken } from "../api/tokens.ts";
import { auditTime } from "../audit-texts.ts";
import { h, replace } from "../dom.ts";
import { signInHref } from "../labels.ts";
import { loadSession } from "../session.ts";
import { errorNotice, loadingNotice, setTitle, settleFocus, type View, type ViewContext } from "./common.ts";
import { ROLE_NAMES } from "./sign-in.ts";

const ROLE_HINTS: Record<Role, string> = {
  reader: "läsare: söker, läser och lämnar ut handlingar",
  editor: "redaktör: som läsare, och laddar upp handlingar",
  admin: "administratör: som redaktör, och ser kön, loggen och nycklarna",
};

export function tokensView(ctx: ViewContext): View {
  const controller = new AbortController();
  setTitle("API-nycklar");
  const live = h("div", { class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
  const announce = (text: string): void => {
    live.textContent = text;
  };
  const created = h("div", { class: "token-created" });
  const list = h("div", null, loadingNotice("Hämtar nycklarna …"));
  replace(
    ctx.root,
    h("h1", null, "API-nycklar"),
    h(
      "p",
      null,
      "Med en nyckel loggar en kollega in i arkivet, eller ett annat system hämtar eller lämnar handlingar. ",
      "Arkivet sparar bara ett kontrollvärde av nyckeln, aldrig nyckeln själv.",
    ),
    created,
    list,
    live,
  );

  const load = (): void => {
    getTokens(controller.signal)
      .then((tokens) => {
        replace(list, newTokenForm(onCreated), tokens.length ? table(tokens, onRevoke) : emptyNotice());
        settleFocus(ctx.root);
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
        replace(list, refused ? refusedNotice() : errorNotice(error, "nycklarna"));
        settleFocus(ctx.root);
      });
  };

  const onCreated = (token: ApiToken, secret: string): void => {
    const field = h("input", {
      id: "new-token-secret",
      type: "text",
      readonly: true,
      value: secret,
      spellcheck: "false",
      autocomplete: "off",
      class: "token-created__secret",
    });
    replace(
      created,
      h(
        "div",
        { class: "notice notice--success", role: "status" },
        h("p", { class: "notice__title" }, `Nyckeln för ${token.name} (${ROLE_NAMES[token.role]}) är skapad.`),
        h("p", null, "Kopiera den nu och lämna den säkert till mottagaren: den visas bara den här gången."),
        h("label", { for: "new-token-secret", class: "search-form__label" }, "Ny nyckel"),
        field,
      ),
    );
    field.focus();
    field.select();
    load();
  };

  const onRevoke = (token: ApiToken, button: HTMLButtonElement): void => {
    if (button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    revokeToken(token.id)
      .then(() => {
        announce(`Nyckeln för ${token.name} är återkallad.`);
        // Revoking the key this browser signed in with ends its session too.
        void loadSession(true).catch(() => undefined);
        load();
      })
      .catch(() => {
        button.removeAttribute("aria-disabled");
        announce(`Kunde inte återkalla nyckeln för ${token.name}. Försök igen.`);
      });
  };

  load();
  loadSession().then(
    (session) => {
      if (session.via !== "loopback") return;
      replace(
        created,
        h(
          "p",
          { class: "notice" },
          "Du arbetar på arkivets egen dator utan nyckel. När den första nyckeln finns måste även den här datorn logga in: ",
          "skapa först en administratörsnyckel åt dig själv och logga in med den.",
        ),
      );
    },
    () => undefined,
  );
  return {
    destroy() {
      controller.abort();
    },
  };
}

function newTokenForm(onCreated: (token: ApiToken, secret: string) => void): HTMLElement {
  const error = h("p", { id: "token-name-error", class: "field-error", hidden: true });
  const name = h("input", { id: "token-name", name: "name", type: "text", required: true, autocomplete: "off" });
  const role = h(
    "select",
    { id: "token-role", name: "role" },
    (["reader", "editor", "admin"] as const).map((r) => h("option", { value: r }, ROLE_HINTS[r])),
  );
  const button = h("button", { type: "submit", class: "button" }, "Skapa nyckel");
  const form = h(
    "form",
    { class: "search-form token-form", "aria-labelledby": "new-token-h" },
    h("h2", { id: "new-token-h" }, "Ny nyckel"),
    h("label", { for: "token-name", class: "search-form__label" }, "Vem får nyckeln (namn och uppdrag)"),
    name,
    h("label", { for: "token-role", class: "search-form__label" }, "Roll"),
    role,
    h("div", { class: "search-form__row" }, button),
    error,
  );
  const showError = (text: string): void => {
    error.textContent = text;
    error.hidden = false;
    name.setAttribute("aria-invalid", "true");
    name.setAttribute("aria-describedby", "token-name-error");
    name.focus();
  };
  name.addEventListener("input", () => {
    error.hidden = true;
    name.removeAttribute("aria-invalid");
    name.removeAttribute("aria-describedby");
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const who = name.value.trim();
    if (!who) return showError("Skriv vem nyckeln är till.");
    button.disabled = true;
    createToken(who, role.value as Role)
      .then(({ token, secret }) => onCreated(token, secret))
      .catch(() => showError("Kunde inte skapa nyckeln. Försök igen om en stund."))
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}

function table(tokens: ApiToken[], onRevoke: (token: ApiToken, button: HTMLButtonElement) => void): HTMLElement {
  const newestFirst = [...tokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "case-table tokens-table" },
      h("caption", null, "Nycklar, nyast först"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["Namn", "Roll", "Skapad", "Senast använd", "Status"].map((label) => h("th", { scope: "col" }, label)),
        ),
      ),
      h(
        "tbody",
        null,
        newestFirst.map((token) => {
          let status: HTMLElement | string = `Återkallad ${auditTime(token.revokedAt ?? "")}`;
          if (!token.revokedAt) {
            const button = h(
              "button",
              { type: "button", class: "link-button", "aria-label": `Återkalla nyckeln för ${token.name}` },
              "Återkalla",
            );
            button.addEventListener("click", () => onRevoke(token, button));
            status = button;
          }
          return h(
            "tr",
            null,
            h("td", null, token.name),
            h("td", null, ROLE_NAMES[token.role]),
            h("td", { class: "nowrap" }, auditTime(token.createdAt)),
            h("td", { class: "nowrap" }, token.lastUsedAt ? auditTime(token.lastUsedAt) : "aldrig"),
            h("td", null, status),
          );
        }),
      ),
    ),
  );
}

function emptyNotice(): HTMLElement {
  return h("p", { class: "notice" }, "Det finns inga nycklar än. Den första skapar du ovan.");
}

function refusedNotice(): HTMLElement {
  return h(
    "div",
    { class: "notice notice--error", role: "alert" },
    h("p", { class: "notice__title" }, "Nycklarna kräver administratörsbehörighet."),
    h("p", null, h("a", { href: signInHref() }, "Logga in som administratör"), ", eller kontakta systemförvaltaren."),
  );
}
