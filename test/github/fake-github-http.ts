/** HTTP plumbing of the fake GitHub API: JSON responses, JSON bodies, and GitHub's pagination. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

/** Sends a JSON response. */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/** Reads a JSON request body ({} when empty). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/**
 * Sends one page of `items` as GitHub does: `per_page` (default 30, at most 100) and `page`
 * parameters, and a `Link` header with absolute prev/first/next/last URLs on `origin`.
 */
export function sendPage<T>(res: ServerResponse, url: URL, items: readonly T[], origin: string): void {
  const perPage = Math.min(
    MAX_PER_PAGE,
    Math.max(1, Number(url.searchParams.get('per_page') ?? DEFAULT_PER_PAGE)),
  );
  const current = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const target = new URL(url.toString());
    target.searchParams.set('page', String(n));
    target.searchParams.set('per_page', String(perPage));
    return `<${origin}${target.pathname}${target.search}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (current > 1) links.push(link(current - 1, 'prev'), link(1, 'first'));
  if (current < last) links.push(link(current + 1, 'next'), link(last, 'last'));
  const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {};
  send(res, 200, items.slice((current - 1) * perPage, current * perPage), headers);
}
