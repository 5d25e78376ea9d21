/**
 * The managed environment blueprints of a V2 domain, by name (reference §9). Blueprint ids are
 * per domain and opaque, so manifests name blueprints and the planner resolves the id per domain.
 */
export const MANAGED_BLUEPRINT_NAMES = [
  'Tooling',
  'DataLake',
  'LakehouseCatalog',
  'RedshiftServerless',
  'EmrServerless',
  'EmrOnEc2',
  'EmrOnEks',
  'Workflows',
  'MLExperiments',
  'MLflowApp',
  'PartnerApps',
  'QuickSight',
  'ToolingLite',
  'LakehouseAdmin',
  'S3Bucket',
  'S3TableCatalog',
  'AmazonBedrockChatAgent',
  'AmazonBedrockEvaluation',
  'AmazonBedrockFlow',
  'AmazonBedrockFunction',
  'AmazonBedrockGuardrail',
  'AmazonBedrockKnowledgeBase',
  'AmazonBedrockPrompt',
] as const;
