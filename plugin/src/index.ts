// The plugin's library entry: the result types scripts can rely on, and the mapping modules for
// callers that want the work without the CLI (tests, npm start).
export type { ValidateResult, SourceSummary } from './mappings/validate.js';
export { validateMapping } from './mappings/validate.js';
export type { DeployResult, DeployOptions } from './mappings/deploy.js';
export { deployMapping, deployFailed } from './mappings/deploy.js';
export type { Outcome } from './mappings/plan.js';
export { OUTCOMES } from './mappings/plan.js';
export type { IdentityListResult, IdentityListEntry } from './identities/list.js';
export { listIdentities } from './identities/list.js';
export { loadMappingFile, parseMapping } from './mappings/mappingFile/load.js';
export type { MappingFile, Channel, Rule, Source } from './mappings/mappingFile/schema.js';
export type { Problem } from './mappings/problem.js';
export { MappingError } from './mappings/problem.js';
