/**
 * The file-name and document-name slug export derives from a live name. Its own module because
 * both the writer and the per-kind builders need it, and the writer imports the builders.
 */

/** A lowercase, dash-separated form of `name` safe for file names; "unnamed" when nothing is left. */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'unnamed';
}
