/**
 * The canonical JSON plan (DESIGN §5, formatVersion 1): the document scripts read and other
 * formats may be rendered from. Every object is rebuilt key by key in a fixed order, so the
 * output does not depend on how the plan value happened to be assembled, and field values are
 * printed in canonical form (sorted keys) for the same reason.
 */
import { redactSecrets } from './redact.js';
import type { FieldChange } from '../diff/diff.js';
import type { Address } from '../model/identity.js';
import {
  ACTIONS,
  type Change,
  type LiveFingerprint,
  type Plan,
  type Refusal,
  type SavedPlan,
} from '../plan/types.js';
import { canonicalValue, type JsonValue } from './plan-values.js';

type JsonObject = { [key: string]: JsonValue };

/** True when the plan carries what a saved plan adds (`plan --out`). */
export function isSavedPlan(plan: Plan): plan is SavedPlan {
  const p = plan as Partial<SavedPlan>;
  return typeof p.toolVersion === 'string' && typeof p.manifestsDigest === 'string' && Array.isArray(p.live);
}

/** Puts `value` under `key` only when it is set: absent optional keys stay absent. */
function put(target: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value !== undefined) target[key] = value;
}

function addressJson(address: Address): JsonObject {
  const out: JsonObject = { kind: address.kind };
  put(out, 'domain', address.domain);
  out.name = address.name;
  put(out, 'account', address.account);
  put(out, 'region', address.region);
  return out;
}

function fieldJson(field: FieldChange): JsonObject {
  const out: JsonObject = { path: field.path };
  put(out, 'before', canonicalValue(field.before));
  put(out, 'after', canonicalValue(field.after));
  return out;
}

function changeJson(change: Change): JsonObject {
  const out: JsonObject = {
    address: addressJson(change.address),
    action: change.action,
    reason: change.reason,
  };
  put(out, 'id', change.id);
  out.fields = change.fields.map(fieldJson);
  put(out, 'forcedBy', change.forcedBy ? [...change.forcedBy] : undefined);
  out.dependsOn = [...change.dependsOn];
  return out;
}

function refusalJson(refusal: Refusal): JsonObject {
  const out: JsonObject = {
    address: addressJson(refusal.address),
    reason: refusal.reason,
    // Details and notes can carry AWS error messages: credentials redacted as in every rendering.
    detail: redactSecrets(refusal.detail),
  };
  put(out, 'location', refusal.location);
  return out;
}

function liveJson(live: LiveFingerprint): JsonObject {
  const out: JsonObject = { key: live.key, id: live.id };
  put(out, 'lastUpdatedAt', live.lastUpdatedAt);
  out.hash = live.hash;
  return out;
}

/** The plan as a JSON value with every key in its documented order. */
export function planJsonValue(plan: Plan): JsonObject {
  const summary: JsonObject = {};
  for (const action of ACTIONS) summary[action] = plan.summary[action] ?? 0;
  const out: JsonObject = {
    formatVersion: plan.formatVersion,
    summary,
    changes: plan.changes.map(changeJson),
    refused: plan.refused.map(refusalJson),
    notes: plan.notes.map(redactSecrets),
    fingerprint: plan.fingerprint,
  };
  put(out, 'scope', plan.scope);
  if (plan.changedSince) out.changedSince = { ref: plan.changedSince.ref, commit: plan.changedSince.commit };
  if (isSavedPlan(plan)) {
    out.toolVersion = plan.toolVersion;
    out.manifestsDigest = plan.manifestsDigest;
    out.live = plan.live.map(liveJson);
  }
  return out;
}

/** The canonical JSON document: fixed key order, 2-space indentation, trailing newline. */
export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(planJsonValue(plan), null, 2)}\n`;
}
