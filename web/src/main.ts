/**
 * Entry point and router (History API). Routes:
 *   /                 search (?q=&type=&body=&offset=)
 *   /dokument/:id     one record (#pN = paragraph N)
 *   /arende?dnr=...   one case
 *   /sammantrade      meetings (?organ= one body's; ?organ=&datum= one meeting)
 *   /ladda-upp        upload files (shown in the menu where this browser may upload)
 *   /ko               the ingestion queue for admins (shown in the menu like /ladda-upp)
 *   /logg             the audit log for admins (?offset=; shown in the menu like /ladda-upp)
 *   /nycklar          API keys for admins: the list, a new key (shown once), revoking one
 *   /logga-in         sign in with an API token (?next= where to go after), or out
 * Same-origin links are handled here, except /api/ (downloads) and hash-only links.
 */

import "./style.css";
import type { Session } from "./api/session.ts";
import { h, replace } from "./dom.ts";
import { loadSession, onSessionChange } from "./session.ts";
import { auditView } from "./views/audit.ts";
import { caseView } from "./views/case.ts";
import { setTitle, type View, type ViewContext } from "./views/common.ts";
import { documentView } from "./views/document.ts";
import { meetingView } from "./views/meeting.ts";
import { queueView } from "./views/queue.ts";
import { searchView } from "./views/search.ts";
import { roleName, signInView } from "./views/sign-in.ts";
import { tokensView } from "./views/tokens.ts";
import { uploadView } from "./views/upload.ts";

interface Match {
  /** Same key = same view instance may take the new URL via update(). */
  key: string;
  section: "search" | "case" | "meeting" | "upload" | "queue" | "log" | "tokens" | "sign-in" | null;
  mount(ctx: ViewContext): View;
}

function match(url: URL): Match {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { key: "search", section: "search", mount: searchView };
  const doc = /^\/dokument\/([^/]+)$/.exec(path);
  if (doc) {
    let id = doc[1] ?? "";
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep the raw segment; the API will answer 404
    }
    return { key: `doc:${id}`, section: null, mount: (ctx) => documentView(ctx, id) };
  }
  if (path === "/arende") {
    return { key: `case:${url.searchParams.get("dnr") ?? ""}`, section: "case", mount: caseView };
  }
  if (path === "/sammantrade") return { key: `meeting:${url.search}`, section: "meeting", mount: meetingView };
  if (path === "/ladda-upp") return { key: "upload", section: "upload", mount: uploadView };
  if (path === "/ko") return { key: "queue", section: "queue", mount: queueView };
  if (path === "/nycklar") return { key: "tokens", section: "tokens", mount: tokensView };
  if (path === "/logga-in") return { key: `sign-in:${url.search}`, section: "sign-in", mount: signInView };
  if (path === "/logg") return { key: `log:${url.search}`, section: "log", mount: auditView };
  return { key: "notfound", section: null, mount: notFoundView };
}

function notFoundView(ctx: ViewContext): View {
  setTitle("Sidan finns inte");
  replace(
    ctx.root,
    h("h1", null, "Sidan finns inte"),
    h("p", null, "Adressen leder inte till någon sida i arkivet. ", h("a", { href: "/" }, "Gå till sökningen"), "."),
  );
  return { destroy() {} };
}

const root = document.getElementById("main");
if (!(root instanceof HTMLElement)) throw new Error("index.html lacks <main id=main>");
const main: HTMLElement = root;

let current: { key: string; view: View } | null = null;

function render(initial: boolean): void {
  const url = new URL(window.location.href);
  const route = match(url);
  updateNav(route.section);
  if (current && current.key === route.key && current.view.update?.(url)) return;
  current?.view.destroy();
  current = null;
  const ctx: ViewContext = { root: main, url, navigate };
  current = { key: route.key, view: route.mount(ctx) };
  if (!initial) {
    if (!url.hash) window.scrollTo(0, 0);
    if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }
}

function navigate(href: string, options: { replace?: boolean } = {}): void {
  const target = new URL(href, window.location.href);
  const here = new URL(window.location.href);
  if (target.href === here.href) return;
  if (options.replace) history.replaceState(null, "", target);
  else history.pushState(null, "", target);
  render(false);
}

function updateNav(section: Match["section"]): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("[data-nav]")) {
    if (link.dataset.nav === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement)) return;
  if (anchor.hasAttribute("download") || (anchor.target && anchor.target !== "_self")) return;
  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return;
  if (anchor.classList.contains("skip-link")) {
    event.preventDefault();
    main.focus();
    return;
  }
  const here = window.location;
  if (url.pathname === here.pathname && url.search === here.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener("popstate", () => render(false));

/**
 * The menu follows the session: upload for editors, the queue and the log for
 * admins, and "Logga in" (or who is signed in) wherever a token is needed.
 */
function showSessionLinks(session: Session): void {
  const show = (item: string, visible: boolean): HTMLElement | null => {
    const li = document.querySelector<HTMLElement>(`[data-nav-item=${item}]`);
    if (li) li.hidden = !visible;
    return li;
  };
  show("upload", session.canWrite);
  show("queue", session.canAdmin);
  show("log", session.canAdmin);
  show("tokens", session.canAdmin);
  const signIn = show("sign-in", session.tokenRequired)?.querySelector("a");
  if (signIn)
    signIn.textContent = session.signedIn ? `${session.name ?? "Inloggad"} (${roleName(session)})` : "Logga in";
}
onSessionChange(showSessionLinks);
loadSession().catch(() => {
  // Without an answer the links stay hidden; the views themselves explain the problem.
});

render(true);
