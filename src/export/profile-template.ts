/**
 * Export of a template profile (issue 15): a live profile whose environment configurations are
 * exactly a console template's, all on one target, is written back as `template` +
 * `templateTarget`, which is what its author wrote; any difference (a configuration added,
 * removed, renamed, re-targeted, given parameters or a description) writes the expanded list, so
 * that plan over the export still shows no changes. "Exactly" is judged by the planner's own
 * normalisation of the template's expansion, so the two cannot disagree.
 */
import equal from 'fast-deep-equal';
import type { EnvironmentTarget } from '../model/manifest.js';
import type { NormalProjectProfile } from '../model/normalized.js';
import { PROFILE_TEMPLATES } from '../model/profile-templates.js';
import { normalizeDesired } from '../plan/normalize-desired.js';
import { compare } from './document.js';

type Environments = NonNullable<NormalProjectProfile['environments']>;

function byName(environments: Environments): Environments {
  return [...environments].sort((a, b) => compare(a.name, b.name));
}

/** The normalised environments a template expands to on `target` (as the planner would compare them). */
function expansion(template: string, target: EnvironmentTarget): Environments {
  const environments = (PROFILE_TEMPLATES[template] ?? []).map((t) => ({
    name: t.name,
    blueprint: t.blueprint,
    deploymentMode: t.deploymentMode,
    ...(t.deploymentOrder !== undefined ? { deploymentOrder: t.deploymentOrder } : {}),
    target: { ...target },
  }));
  const normal = normalizeDesired({
    apiVersion: 'smus-gitops/v1alpha1',
    kind: 'ProjectProfile',
    metadata: { name: 'template', domain: 'template' },
    spec: { environments },
  }) as NormalProjectProfile | undefined;
  return normal?.environments ?? [];
}

/**
 * The template (and its target, in manifest form) whose expansion the live environments are
 * exactly; undefined when none is. `target` is the manifest form of the first environment's target.
 */
export function matchingTemplate(
  environments: Environments | undefined,
  target: EnvironmentTarget | undefined,
): { template: string; templateTarget: EnvironmentTarget } | undefined {
  if (!environments || environments.length === 0 || !target) return undefined;
  const live = byName(environments);
  for (const template of Object.keys(PROFILE_TEMPLATES).sort()) {
    if (equal(byName(expansion(template, target)), live)) return { template, templateTarget: target };
  }
  return undefined;
}
