/** The operation of each resource kind (Policy is not a resource). */
import type { ManifestKind } from '../../model/manifest.js';
import type { Operation } from '../types.js';
import { accountAssociationOperation } from './account-association.js';
import { accountPoolOperation } from './account-pool.js';
import { blueprintConfigurationOperation } from './blueprint-configuration.js';
import { domainOperation } from './domain.js';
import { domainUnitOperation } from './domain-unit.js';
import { policyGrantOperation } from './policy-grant.js';
import { projectOperation } from './project.js';
import { projectProfileOperation } from './project-profile.js';
import { studioDomainOperation } from './studio-domain.js';
import { glossaryOperation } from './glossary.js';
import { formTypeOperation } from './form-type.js';
import { metadataRuleOperation } from './metadata-rule.js';
import { glossaryTermOperation } from './glossary-term.js';
import { studioUserProfileOperation } from './studio-user-profile.js';

/** Operation per kind. */
export const OPERATIONS: Readonly<Record<Exclude<ManifestKind, 'Policy'>, Operation>> = {
  Domain: domainOperation,
  DomainUnit: domainUnitOperation,
  AccountAssociation: accountAssociationOperation,
  BlueprintConfiguration: blueprintConfigurationOperation,
  AccountPool: accountPoolOperation,
  ProjectProfile: projectProfileOperation,
  Project: projectOperation,
  StudioDomain: studioDomainOperation,
  PolicyGrant: policyGrantOperation,
  Glossary: glossaryOperation,
  FormType: formTypeOperation,
  MetadataRule: metadataRuleOperation,
  GlossaryTerm: glossaryTermOperation,
  StudioUserProfile: studioUserProfileOperation,
};
