/**
 * Expands a ProjectProfile's `template` (a console pre-built profile, model/profile-templates.ts)
 * into its `environments` right after the schema check, so every later stage (semantic checks,
 * plan cross-checks, apply) sees ordinary environment configurations. An explicit environment
 * with a template configuration's name replaces it (override by name); other explicit ones are
 * added after the template's. Diagnostics about an expanded configuration point at the
 * `template:` line: the document's source map is wrapped so that those pointers resolve there.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProfileEnvironment } from '../model/manifest.js';
import { PROFILE_TEMPLATES } from '../model/profile-templates.js';
import type { SourceMap } from '../load/source-map.js';
import { locate, type ValidDocument } from './schema-validator.js';
import { didYouMean } from './suggest.js';

const ENVIRONMENT = /^\/spec\/environments\/(\d+)(.*)$/;

/** Where each expanded environment came from: an explicit entry's index, or the template. */
type Origin = number | 'template';

function remapped(map: SourceMap, origins: readonly Origin[]): SourceMap {
  return {
    get(pointer) {
      const m = ENVIRONMENT.exec(pointer);
      if (!m) return map.get(pointer);
      const origin = origins[Number(m[1])];
      if (origin === undefined) return map.get(pointer);
      if (origin === 'template') return map.get('/spec/template');
      return map.get(`/spec/environments/${origin}${m[2] ?? ''}`);
    },
  };
}

/**
 * The document with its template expanded (the same document when it names none), or a located
 * SG360 with did-you-mean when the template is unknown.
 */
export function expandProfileTemplate(doc: ValidDocument): {
  doc?: ValidDocument;
  diagnostics: Diagnostic[];
} {
  const m = doc.manifest;
  if (m.kind !== 'ProjectProfile' || m.spec?.template === undefined) return { doc, diagnostics: [] };
  const name = m.spec.template;
  const template = PROFILE_TEMPLATES[name];
  if (!template) {
    const message = `"${name}" is not a console pre-built profile${didYouMean(name, Object.keys(PROFILE_TEMPLATES))}; known: ${Object.keys(PROFILE_TEMPLATES).join(', ')}`;
    return {
      diagnostics: [diagnostic('SG360', 'error', message, locate(doc.source, '/spec/template', false))],
    };
  }
  const target = m.spec.templateTarget ?? {};
  const explicit = m.spec.environments ?? [];
  const byName = new Map(explicit.map((e, i) => [e.name, i]));
  const environments: ProfileEnvironment[] = [];
  const origins: Origin[] = [];
  for (const t of template) {
    const i = byName.get(t.name);
    if (i !== undefined) {
      environments.push(explicit[i]!);
      origins.push(i);
      continue;
    }
    environments.push({
      name: t.name,
      blueprint: t.blueprint,
      deploymentMode: t.deploymentMode,
      ...(t.deploymentOrder !== undefined ? { deploymentOrder: t.deploymentOrder } : {}),
      target: { ...target },
    });
    origins.push('template');
  }
  const names = new Set(template.map((t) => t.name));
  explicit.forEach((e, i) => {
    if (names.has(e.name)) return;
    environments.push(e);
    origins.push(i);
  });
  const manifest = { ...m, spec: { ...m.spec, environments } };
  const source = { ...doc.source, sourceMap: remapped(doc.source.sourceMap, origins) };
  return { doc: { manifest, source }, diagnostics: [] };
}
