/**
 * Metadata form types: CreateFormType, GetFormType, DeleteFormType, and SearchTypes with
 * searchScope FORM_TYPE (the only way the API lists them). A form type is identified by its name
 * (FormTypeIdentifier accepts the name) and owned by a project; CreateFormType with the name of an
 * existing form type of the same project records a new revision (docs/emulator/decisions.md,
 * "Form types"). The API has no UpdateFormType: the status, description and model change only
 * through such a new revision. System form types (`amazon.datazone.*`) are answered only to
 * `managed: true` searches and cannot be created or deleted.
 */
import type {
  CreateFormTypeInput,
  DeleteFormTypeInput,
  GetFormTypeInput,
  SearchTypesInput,
} from '@aws-sdk/client-datazone';
import { paginate } from '../paginate.js';
import { fail, pageOptions, type DzCall, type DzHandler } from './call.js';
import { findDomain, findProject, inDomain, notFound, requireAvailable } from './lookups.js';
import { callerProfileId } from './principals.js';
import type { DomainRecord } from './state.js';

/** One revision of a form type. */
export interface FormTypeRevision {
  revision: string;
  smithy: string;
  description?: string;
  status: 'ENABLED' | 'DISABLED';
  createdBy: string;
  createdAt: number;
}

/** One form type as the emulator stores it: every revision, the latest last. */
export interface FormTypeRecord {
  /** `${domainId}/${name}`: names are unique per domain. */
  id: string;
  domainId: string;
  name: string;
  owningProjectId: string;
  revisions: FormTypeRevision[];
}

/** The system form types every domain has (a few of them: enough to prove they are told apart). */
const SYSTEM_FORM_TYPES = ['amazon.datazone.GlueTableFormType', 'amazon.datazone.AssetCommonDetailsFormType'];

const SYSTEM_PREFIX = 'amazon.datazone.';

/** The form type table, created on first use (older persisted worlds have none). */
export function formTypes(call: DzCall): Record<string, FormTypeRecord> {
  return (call.state.formTypes ??= {});
}

/** The latest revision of a form type. */
export function latest(record: FormTypeRecord): FormTypeRevision {
  return record.revisions[record.revisions.length - 1]!;
}

/** The form type of the domain named `name` (404 when there is none). */
export function findFormType(call: DzCall, domain: DomainRecord, name: string): FormTypeRecord {
  const record = formTypes(call)[`${domain.id}/${name}`];
  if (!record) notFound(call, `Form type ${name} not found.`);
  return record;
}

function view(record: FormTypeRecord, rev: FormTypeRevision) {
  return {
    domainId: record.domainId,
    name: record.name,
    revision: rev.revision,
    model: { smithy: rev.smithy },
    owningProjectId: record.owningProjectId,
    originDomainId: record.domainId,
    originProjectId: record.owningProjectId,
    status: rev.status,
    description: rev.description,
    createdAt: new Date(rev.createdAt),
    createdBy: rev.createdBy,
  };
}

function systemView(domain: DomainRecord, name: string) {
  return {
    domainId: domain.id,
    name,
    revision: '1',
    model: { smithy: `structure ${name.slice(SYSTEM_PREFIX.length)} {}` },
    status: 'ENABLED',
  };
}

const createFormType: DzHandler<CreateFormTypeInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const name = input.name ?? '';
  if (name.startsWith(SYSTEM_PREFIX))
    fail('ValidationException', `Form type names starting with ${SYSTEM_PREFIX} are reserved.`);
  const smithy = input.model?.smithy;
  if (smithy === undefined) fail('ValidationException', 'model.smithy is required.');
  const project = findProject(call, domain, input.owningProjectIdentifier ?? '');
  const id = `${domain.id}/${name}`;
  const existing = formTypes(call)[id];
  if (existing && existing.owningProjectId !== project.id)
    fail('ConflictException', `A form type named ${name} already exists in another project.`);
  const record: FormTypeRecord = existing ?? {
    id,
    domainId: domain.id,
    name,
    owningProjectId: project.id,
    revisions: [],
  };
  const rev: FormTypeRevision = {
    revision: String(record.revisions.length + 1),
    smithy,
    description: input.description,
    // The model documents no default; ENABLED is what the console creates (decisions.md).
    status: input.status ?? 'ENABLED',
    createdBy: callerProfileId(call, domain.id),
    createdAt: call.nowMs,
  };
  record.revisions.push(rev);
  formTypes(call)[id] = record;
  const { model: _m, status: _s, createdAt: _c, createdBy: _b, ...out } = view(record, rev);
  return out;
};

const getFormType: DzHandler<GetFormTypeInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  const name = input.formTypeIdentifier ?? '';
  if (SYSTEM_FORM_TYPES.includes(name)) return systemView(domain, name);
  const record = findFormType(call, domain, name);
  const rev =
    input.revision === undefined
      ? latest(record)
      : record.revisions.find((r) => r.revision === input.revision);
  if (!rev) notFound(call, `Form type ${name} has no revision ${input.revision}.`);
  return view(record, rev);
};

/** The name of a rule of the domain that requires the form type, if any (DeleteFormType refuses then). */
function requiringRule(call: DzCall, domainId: string, name: string): string | undefined {
  return Object.values(call.state.rules ?? {}).find(
    (r) => r.domainId === domainId && r.requiredForms.some((f) => f.typeIdentifier === name),
  )?.name;
}

const deleteFormType: DzHandler<DeleteFormTypeInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  requireAvailable(call, domain);
  const name = input.formTypeIdentifier ?? '';
  if (name.startsWith(SYSTEM_PREFIX))
    fail('ValidationException', `System form type ${name} cannot be deleted.`);
  const record = findFormType(call, domain, name);
  const rule = requiringRule(call, domain.id, name);
  if (rule) fail('ConflictException', `Form type ${name} is required by rule ${rule}.`);
  delete formTypes(call)[record.id];
  return {};
};

const searchTypes: DzHandler<SearchTypesInput> = (input, call) => {
  const domain = findDomain(call, input.domainIdentifier ?? '', 'member');
  // Refused rather than ignored: a filter the emulator dropped would make a test pass for the wrong reason.
  if (input.filters !== undefined || input.sort !== undefined || input.searchIn !== undefined)
    fail('ValidationException', 'The emulator does not serve SearchTypes filters, sort or searchIn.');
  if (input.searchScope !== 'FORM_TYPE') return { items: [], totalMatchCount: 0 };
  const text = input.searchText;
  const matches = (name: string, description?: string) =>
    text === undefined || name.includes(text) || (description ?? '').includes(text);
  const items = input.managed
    ? SYSTEM_FORM_TYPES.filter((n) => matches(n)).map((n) => systemView(domain, n))
    : inDomain(formTypes(call), domain.id)
        .filter((r) => matches(r.name, latest(r).description))
        .map((r) => view(r, latest(r)));
  const key = `${domain.id}:FORM_TYPE:${input.managed ? 'managed' : 'custom'}:${text ?? ''}`;
  const page = paginate(
    items,
    input,
    pageOptions(call, key, (f: { name: string }) => f.name),
  );
  return {
    items: page.items.map((f) => ({ formTypeItem: f })),
    nextToken: page.nextToken,
    totalMatchCount: items.length,
  };
};

/** Form type handlers by operation name. */
export const formTypeHandlers = {
  CreateFormType: createFormType,
  GetFormType: getFormType,
  DeleteFormType: deleteFormType,
  SearchTypes: searchTypes,
};
