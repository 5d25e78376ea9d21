/**
 * The console's pre-built project profiles ("templates"), as lists of environment configurations
 * (issue 15). A ProjectProfile naming a template gets these configurations, expanded at
 * validation (validate/profile-templates.ts), so the plan, the cross-checks and the apply see
 * ordinary environments.
 *
 * Sources (facts only; names, blueprints, deployment modes and orders):
 * - a GetProjectProfile export of the console's pre-built profiles ("SQL analytics", "All
 *   capabilities": the console's own descriptions and blueprint ids) in a public AWS sample
 *   (MIT-0) that seeds domains with them; every name below is as that export spells it.
 * - aws-ia/terraform-aws-sagemaker-unified-studio, examples/quick-setup/main.tf
 *   (`all_capabilities_blueprint_config`, "equivalent to the AWS console quick-setup"): the same
 *   All capabilities names, including "OnDemand EMR on EC2 Memory-Optimized" / "General-Purpose",
 *   "OnDemand EMRServerless", "OnDemand RedshiftServerless" and "OnDemand Catalog for Redshift
 *   Managed Storage". https://github.com/aws-ia/terraform-aws-sagemaker-unified-studio/tree/main/examples/quick-setup
 * - https://docs.aws.amazon.com/sagemaker-unified-studio/latest/adminguide/available-resource-blueprints.html:
 *   EmrOnEc2, EmrServerless, MLExperiments, RedshiftServerless and LakehouseCatalog are
 *   on-demand (resource) blueprints.
 * The console's All capabilities profile also holds the Amazon Bedrock configurations (and, in
 * newer consoles, QuickSight); they are not part of the template: declare them explicitly.
 */

/** One environment configuration of a template (its target is the profile's `templateTarget`). */
export interface TemplateEnvironment {
  name: string;
  blueprint: string;
  deploymentMode: 'ON_CREATE' | 'ON_DEMAND';
  deploymentOrder?: number;
}

const SQL_ANALYTICS: readonly TemplateEnvironment[] = [
  { name: 'Tooling', blueprint: 'Tooling', deploymentMode: 'ON_CREATE', deploymentOrder: 0 },
  { name: 'Lakehouse Database', blueprint: 'DataLake', deploymentMode: 'ON_CREATE', deploymentOrder: 1 },
  {
    name: 'Redshift Serverless',
    blueprint: 'RedshiftServerless',
    deploymentMode: 'ON_CREATE',
    deploymentOrder: 1,
  },
  { name: 'OnDemand RedshiftServerless', blueprint: 'RedshiftServerless', deploymentMode: 'ON_DEMAND' },
  {
    name: 'OnDemand Catalog for Redshift Managed Storage',
    blueprint: 'LakehouseCatalog',
    deploymentMode: 'ON_DEMAND',
  },
];

// The console names the ON_CREATE Redshift configuration "RedshiftServerless" here (one word), and
// "Redshift Serverless" in SQL analytics: both as the console export spells them.
const ALL_CAPABILITIES: readonly TemplateEnvironment[] = [
  { name: 'Tooling', blueprint: 'Tooling', deploymentMode: 'ON_CREATE', deploymentOrder: 0 },
  { name: 'Lakehouse Database', blueprint: 'DataLake', deploymentMode: 'ON_CREATE', deploymentOrder: 1 },
  {
    name: 'RedshiftServerless',
    blueprint: 'RedshiftServerless',
    deploymentMode: 'ON_CREATE',
    deploymentOrder: 1,
  },
  { name: 'OnDemand Workflows', blueprint: 'Workflows', deploymentMode: 'ON_DEMAND' },
  { name: 'OnDemand MLExperiments', blueprint: 'MLExperiments', deploymentMode: 'ON_DEMAND' },
  { name: 'OnDemand EMR on EC2 Memory-Optimized', blueprint: 'EmrOnEc2', deploymentMode: 'ON_DEMAND' },
  { name: 'OnDemand EMR on EC2 General-Purpose', blueprint: 'EmrOnEc2', deploymentMode: 'ON_DEMAND' },
  { name: 'OnDemand RedshiftServerless', blueprint: 'RedshiftServerless', deploymentMode: 'ON_DEMAND' },
  {
    name: 'OnDemand Catalog for Redshift Managed Storage',
    blueprint: 'LakehouseCatalog',
    deploymentMode: 'ON_DEMAND',
  },
  { name: 'OnDemand EMRServerless', blueprint: 'EmrServerless', deploymentMode: 'ON_DEMAND' },
];

/** The templates by the console's profile name. */
export const PROFILE_TEMPLATES: Readonly<Record<string, readonly TemplateEnvironment[]>> = {
  'All capabilities': ALL_CAPABILITIES,
  'SQL analytics': SQL_ANALYTICS,
};
