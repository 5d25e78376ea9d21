/**
 * How smus-gitops finds its own comment and issues again: a hidden HTML-comment marker on the
 * first line of the body, and an author that is us. Both must hold. The marker alone is not
 * enough: anyone can paste it into a comment, and editing another person's comment (which a
 * maintainer's token could do) would rewrite what they said. "Us" is the token's user, or an
 * explicit login; for an installation token (Actions, a GitHub App), whose login `GET /user`
 * cannot tell, any Bot account: a person cannot post as a Bot. A marked comment by someone else
 * is therefore left alone, and our own comment is created beside it.
 */
import type { GitHubUser } from './client.js';

/** The marker of the plan comment: one per `key` (a `--domain` shard) or one for the repository. */
export function planMarker(key?: string): string {
  return key === undefined ? '<!-- smus-gitops:plan -->' : `<!-- smus-gitops:plan:${markerText(key)} -->`;
}

/** The marker of a domain's drift issue. */
export function driftMarker(domain: string): string {
  return `<!-- smus-gitops:drift:${markerText(domain)} -->`;
}

/**
 * A key inside an HTML comment: percent-encoded, so it can neither end the comment (`-->`, `--!>`)
 * nor contain a space that would make two keys share a prefix.
 */
function markerText(key: string): string {
  return encodeURIComponent(key).replace(
    /[!'()*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Whether a comment or issue body starts with `marker` on a line of its own. */
export function hasMarker(body: string | null | undefined, marker: string): boolean {
  if (!body) return false;
  return body === marker || body.startsWith(`${marker}\n`) || body.startsWith(`${marker}\r\n`);
}

/**
 * Whether an item carries our marker and was written by us: by `login` (compared
 * case-insensitively), or by any Bot account when the login is unknown (installation tokens).
 */
export function isOurs(
  item: { body?: string | null; user: GitHubUser | null },
  marker: string,
  login: string | undefined,
): boolean {
  if (!hasMarker(item.body, marker) || !item.user) return false;
  return login === undefined
    ? item.user.type === 'Bot'
    : item.user.login.toLowerCase() === login.toLowerCase();
}
