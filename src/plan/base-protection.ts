/**
 * Protection of the reviewed base (DESIGN §4, issue 19): the protection in force is that of the
 * base the change is reviewed against (the PR's target branch, `--protect-base REF`) as well as
 * the change's own, so removing a `lifecycle.protect` or a `reconcile.protect` entry and deleting
 * the resource cannot be one change. This module reads the base's manifest texts (handed in; the
 * CLI fetches them from git) into plain data, and answers whether an address was protected there
 * and where. Pure: no git, no file system. The base is read leniently: it was reviewed and merged
 * already, and a document it cannot understand protects nothing new.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { addressOf, formatAddress, identityKey, type Address } from '../model/identity.js';
import type { Manifest } from '../model/manifest.js';
import { matchesProtect } from './protection.js';

/** One protection in force at the base, with where it is written. */
export interface BaseProtectionEntry {
  /** `lifecycle.protect`: the identity key of the protected resource. */
  key?: string;
  /** `reconcile.protect` glob, and the domain it applies to (undefined: a Policy's Studio domains). */
  glob?: string;
  domain?: string;
  /** `file:line` at the base. */
  location: string;
}

/** What the reviewed base protects. */
export interface BaseProtection {
  ref: string;
  entries: BaseProtectionEntry[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The protections written in one base file. */
function entriesOf(path: string, text: string): BaseProtectionEntry[] {
  const lineCounter = new LineCounter();
  const out: BaseProtectionEntry[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  } catch {
    return out;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    if (!isObject(value) || !isObject(value.metadata) || typeof value.kind !== 'string') continue;
    // Located at the protecting entry itself (the line a reviewer would have to remove).
    const at = (keys: readonly (string | number)[]): string => {
      const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
      const offset = node?.range?.[0] ?? doc.range?.[0] ?? 0;
      return `${path}:${lineCounter.linePos(offset).line}`;
    };
    const lifecycle = isObject(value.lifecycle) ? value.lifecycle : {};
    const spec = isObject(value.spec) ? value.spec : {};
    const reconcile = isObject(spec.reconcile) ? spec.reconcile : {};
    if (lifecycle.protect === true) {
      try {
        out.push({
          key: identityKey(addressOf(value as unknown as Manifest)),
          location: at(['lifecycle', 'protect']),
        });
      } catch {
        // An address the base cannot form protects nothing.
      }
    }
    const domainName = value.metadata.name;
    if (value.kind === 'Domain' && typeof domainName === 'string') {
      strings(reconcile.protect).forEach((glob, i) =>
        out.push({ glob, domain: domainName, location: at(['spec', 'reconcile', 'protect', i]) }),
      );
    }
    if (value.kind === 'Policy' && isObject(reconcile.studioDomains)) {
      strings(reconcile.studioDomains.protect).forEach((glob, i) =>
        out.push({ glob, location: at(['spec', 'reconcile', 'studioDomains', 'protect', i]) }),
      );
    }
  }
  return out;
}

/** Reads the base's protections from its manifest files (path as shown to the user, and text). */
export function readBaseProtection(
  ref: string,
  files: readonly { path: string; text: string }[],
): BaseProtection {
  return { ref, entries: files.flatMap((f) => entriesOf(f.path, f.text)) };
}

/** Where the base protects this address, or undefined. */
export function protectedAtBase(base: BaseProtection, address: Address): string | undefined {
  const key = identityKey(address);
  const domain = address.kind === 'StudioDomain' ? undefined : (address.domain ?? address.name);
  const hit = base.entries.find((e) =>
    e.key !== undefined
      ? e.key === key
      : e.glob !== undefined && e.domain === domain && matchesProtect(address, [e.glob]),
  );
  return hit?.location;
}

/** The refusal detail for a destroy of what the base protects. */
export function baseProtectionDetail(
  base: BaseProtection,
  address: Address,
  location: string,
  action: string,
): string {
  return `${formatAddress(address)} is protected at ${base.ref} in ${location}; the plan would ${action} it. Lift protection in a separate reviewed change first`;
}
