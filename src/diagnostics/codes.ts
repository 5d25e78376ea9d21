/**
 * The registry of diagnostic codes. Codes are stable: scripts, annotations and tests key on them,
 * never on message text. Numbers are grouped by stage: 1xx reading and YAML, 2xx schema, 3xx
 * cross-document semantics, 4xx policy rules, 9xx command usage.
 */

/** Every code with the one sentence that explains it (printed by docs and `--format json`). */
export const DIAGNOSTIC_CODES = {
  SG100: 'A path given on the command line does not exist or cannot be read.',
  SG101: 'A manifest file is larger than the 5 MB limit.',
  SG102: 'A manifest file is not valid UTF-8.',
  SG103: 'A manifest file looks binary (it contains NUL bytes).',
  SG104: 'No manifest files were found under the given paths.',
  SG105: 'A manifest path is not a regular file (a device, FIFO or socket), so it is not read.',
  SG106: 'A symbolic link leads outside the directory being read, so it is not followed.',
  SG110: 'The YAML is malformed.',
  SG111: 'A mapping has the same key twice.',
  SG112: 'Aliases expand to too many nodes (a "billion laughs" alias bomb).',
  SG113: 'Nesting is deeper than 100 levels.',
  SG114: 'A key such as __proto__ or constructor is not allowed (prototype pollution).',
  SG115: 'A YAML tag or construct that manifests do not use (custom tags, non-string keys).',
  SG200: 'The document is not a smus-gitops manifest (missing or unknown apiVersion or kind).',
  SG201: 'A field is not part of the manifest format (typos are not ignored).',
  SG202: 'A required field is missing.',
  SG203: 'A value has the wrong type.',
  SG204: 'A value is not one of the allowed values.',
  SG205: 'A value does not match the required pattern (name, ARN, account id, region, ...).',
  SG206: 'A value is too short, too long, too small or too large.',
  SG207: 'A list or map has too few or too many entries, or repeats an entry.',
  SG208: 'A value mixes forms that exclude each other, or matches none of them.',
  SG209: 'A value violates another schema constraint.',
  SG300: 'Two documents declare the same resource (same kind and identity).',
  SG301: 'metadata.domain names a domain that no Domain manifest declares.',
  SG302: 'A project names a project profile that is not declared.',
  SG303: 'A profile environment names an account pool that is not declared.',
  SG304: 'A domain-unit path (or a unit parent) is not declared.',
  SG305: 'A blueprint name is not one of the managed blueprints.',
  SG306: "A project's target account is not in any account pool of its profile's environment.",
  SG307: "A project's target region is not among the regions its account supports in the pool.",
  SG308: 'A target is given where the profile fixes it, or missing where the profile needs a choice.',
  SG309: 'lifecycle is misused (protect with ensure: absent, on a Policy, or a tombstone still referenced).',
  SG310: 'A project environment names an environment the profile does not have.',
  SG311: 'A blueprint configuration or association is declared for an account that is not associated.',
  SG312: 'A reference is not declared here; it will be resolved against live state at plan time.',
  SG313: 'A domain-unit path is deeper than the five levels DataZone allows.',
  SG314: 'A project sets resourceTags but its profile does not allow custom project resource tags.',
  SG315: 'A project overrides a parameter or resource tag that its profile marks not editable.',
  SG318: 'A project without a profile sets a target or environments, which it cannot have.',
  SG330:
    'A StudioDomain (or Studio prune scope) names an account the credentials cannot reach as itself: no role, or a role of another account.',
  SG345:
    'A PolicyGrant names a user or group that is close to, but not, one that project members use (a likely typo).',
  SG340:
    'A governance resource (the owning project of a Glossary, the project principal of a PolicyGrant) names a project that is not declared.',
  SG341: 'A MetadataRule requires a form type (requiredForms) that is not declared as a FormType.',
  SG342:
    'A GlossaryTerm names a glossary, or a related term of its glossary (relations.isA, relations.classifies), that is not declared.',
  SG350: "A StudioUserProfile names a StudioDomain that is not declared in the caller's account.",
  SG351:
    "A StudioUserProfile's singleSignOnUser does not fit its domain's authMode (required for SSO, not allowed for IAM).",
  SG349:
    'A PolicyGrant on a blueprint configuration names a configuration (blueprint and account) that is not declared where the domain prunes BlueprintConfiguration, or a blueprint that is not managed.',
  SG400: 'A Policy rule fails for this document.',
  SG401: "A Policy rule's assert is not a valid JSON Schema or names an unknown kind.",
  SG900: 'A command-line argument is invalid.',
  SG360: 'A ProjectProfile names a template that is not one of the console pre-built profiles.',
} as const;

/** One of the registered codes. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
