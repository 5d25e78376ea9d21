/**
 * The console's pre-built project profiles ("templates"), as lists of environment configurations
 * (issue 15). A ProjectProfile naming a template gets these configurations, expanded at
 * validation (validate/profile-templates.ts), so the plan, the cross-checks and the apply see
 * ordinary environments.
 *
 * Sources (facts only):
 * - aws-ia/terraform-aws-sagemaker-unified-studio, modules/project-profile/README.md: "SQL
 *   analytics" is Tooling (deployment order 0) plus "Lakehouse Database" (DataLake, ON_CREATE),
 *   "Redshift Serverless" (RedshiftServerless, ON_CREATE) and "OnDemand Catalog for RMS"
 *   (LakehouseCatalog, ON_DEMAND); other ON_CREATE configurations deploy at order 1.
 *   https://github.com/aws-ia/terraform-aws-sagemaker-unified-studio/tree/main/modules/project-profile
 * - the same repository's quick-setup example: "All capabilities" enables, beyond the SQL
 *   analytics blueprints, EmrServerless, EmrOnEc2, MLExperiments and Workflows.
 * - https://docs.aws.amazon.com/sagemaker-unified-studio/latest/adminguide/available-resource-blueprints.html:
 *   EmrOnEc2, EmrServerless, MLExperiments, RedshiftServerless and LakehouseCatalog are
 *   on-demand (resource) blueprints.
 * The names of the on-demand configurations of "All capabilities" follow the console's
 * "OnDemand <name>" pattern ("OnDemand Workflows" is the console's own).
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
  { name: 'OnDemand Catalog for RMS', blueprint: 'LakehouseCatalog', deploymentMode: 'ON_DEMAND' },
];

const ALL_CAPABILITIES: readonly TemplateEnvironment[] = [
  ...SQL_ANALYTICS,
  { name: 'OnDemand Redshift Serverless', blueprint: 'RedshiftServerless', deploymentMode: 'ON_DEMAND' },
  { name: 'OnDemand EMR Serverless', blueprint: 'EmrServerless', deploymentMode: 'ON_DEMAND' },
  { name: 'OnDemand EMR on EC2', blueprint: 'EmrOnEc2', deploymentMode: 'ON_DEMAND' },
  { name: 'OnDemand MLExperiments', blueprint: 'MLExperiments', deploymentMode: 'ON_DEMAND' },
  { name: 'OnDemand Workflows', blueprint: 'Workflows', deploymentMode: 'ON_DEMAND' },
];

/** The templates by the console's profile name. */
export const PROFILE_TEMPLATES: Readonly<Record<string, readonly TemplateEnvironment[]>> = {
  'All capabilities': ALL_CAPABILITIES,
  'SQL analytics': SQL_ANALYTICS,
};
