/**
 * What the emulator refuses before it reads a request (issue 19.15). It listens on loopback and
 * answers without authentication, so a web page in the developer's browser could reach it by DNS
 * rebinding (a name of the attacker's that resolves to 127.0.0.1): such a request carries the
 * attacker's name in `Host` and usually an `Origin`. Only loopback names with the bound port (and
 * the host the server was told to bind) are served, a non-loopback `Origin` is refused, and bodies
 * are capped so one request cannot exhaust memory. Recorded in docs/emulator/decisions.md.
 */

/** The largest request body served (control and service endpoints alike). */
export const MAX_BODY_BYTES = 1024 * 1024;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The `Host` values a server bound to `host:port` serves. */
export function allowedHosts(host: string, port: number): Set<string> {
  const bound = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return new Set([...LOOPBACK_NAMES, bound].map((name) => `${name}:${port}`.toLowerCase()));
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return LOOPBACK_NAMES.includes(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** Why a request is refused (status and message), or undefined when it may be served. */
export function refusal(
  headers: Record<string, string | string[] | undefined>,
  hosts: ReadonlySet<string>,
): { status: number; message: string } | undefined {
  const host = headers['host'];
  if (typeof host !== 'string' || !hosts.has(host.toLowerCase()))
    return { status: 403, message: 'the Host header must name the emulator on loopback' };
  const origin = headers['origin'];
  if (origin !== undefined && (typeof origin !== 'string' || !isLoopbackOrigin(origin)))
    return { status: 403, message: 'requests from a non-loopback Origin are refused' };
  const length = Number(headers['content-length'] ?? 0);
  if (Number.isFinite(length) && length > MAX_BODY_BYTES)
    return { status: 413, message: `request bodies are limited to ${MAX_BODY_BYTES} bytes` };
  return undefined;
}
