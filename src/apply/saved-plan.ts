/**
 * A saved plan is a record of what was reviewed, never an authority (DESIGN §5). Before applying
 * it, apply builds a fresh plan from the same manifests and live state, which re-derives every
 * safety rule (protect, prune, maxDeletes, ambiguity, incomplete observation), and compares the
 * two. Plans are deterministic, so a genuine saved plan of unchanged inputs is equal to the fresh
 * one; any difference means the file was edited (or produced by something else) and the plan is
 * refused with each difference named. Pure: no I/O.
 */
import { identityKey } from '../model/identity.js';
import type { Change, Plan, Refusal } from '../plan/types.js';

/** Canonical text of a JSON-like value: sorted keys, undefined dropped, so key order never matters. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function changeKey(change: Change): string {
  return identityKey(change.address);
}

function refusalKey(refusal: Refusal): string {
  return `${identityKey(refusal.address)} (${refusal.reason})`;
}

/** Keyed canonical texts; a key seen twice gets a numbered suffix so nothing is silently merged. */
function keyed<T>(items: readonly T[] | undefined, key: (item: T) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of Array.isArray(items) ? items : []) {
    let k = key(item);
    for (let n = 2; out.has(k); n += 1) k = `${key(item)} #${n}`;
    out.set(k, canonical(item));
  }
  return out;
}

function describeChange(text: string): string {
  const c = JSON.parse(text) as Partial<Change>;
  return `${c.action ?? '?'} (${c.reason ?? '?'})`;
}

/** What one side has that the other lacks, or holds differently. */
function compareKeyed(
  what: string,
  saved: Map<string, string>,
  fresh: Map<string, string>,
  describe: (text: string) => string,
): string[] {
  const out: string[] = [];
  for (const [key, text] of saved) {
    const now = fresh.get(key);
    if (now === undefined)
      out.push(`${what} ${key}: the saved plan has ${describe(text)}; a fresh plan has none`);
    else if (now !== text)
      out.push(
        `${what} ${key}: the saved plan has ${describe(text)}; a fresh plan has ${describe(now)}, as written differently`,
      );
  }
  for (const [key, text] of fresh) {
    if (!saved.has(key))
      out.push(`${what} ${key}: a fresh plan has ${describe(text)}; the saved plan omits it`);
  }
  return out;
}

/**
 * Every way the saved plan differs from a fresh plan of the same inputs, sorted; empty when the
 * saved plan is exactly what the tool would plan now. The saved value comes from a file, so
 * nothing about its shape is trusted.
 */
export function savedPlanDifferences(saved: Partial<Plan>, fresh: Plan): string[] {
  const out: string[] = [];
  out.push(
    ...compareKeyed(
      'change',
      keyed(saved.changes, changeKey),
      keyed(fresh.changes, changeKey),
      describeChange,
    ),
  );
  out.push(
    ...compareKeyed(
      'refusal',
      keyed(saved.refused, refusalKey),
      keyed(fresh.refused, refusalKey),
      () => 'a refusal',
    ),
  );
  if (canonical(saved.summary) !== canonical(fresh.summary))
    out.push(
      `summary: the saved plan says ${canonical(saved.summary)}; a fresh plan says ${canonical(fresh.summary)}`,
    );
  if (canonical(saved.scope) !== canonical(fresh.scope))
    out.push('scope: the saved plan and a fresh plan differ in scope');
  out.sort();
  // The fingerprint is the plan's digest: when the content matches, a different digest means the
  // digest itself was edited (or the content was, in a way the comparison above cannot show).
  if (out.length === 0 && saved.fingerprint !== fresh.fingerprint)
    out.push(
      `fingerprint: the saved plan's digest ${String(saved.fingerprint)} does not match its content (${fresh.fingerprint})`,
    );
  return out;
}
