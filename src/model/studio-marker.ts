/**
 * The ownership marker of Studio domains. SageMaker keeps no record of who made a domain, and the
 * tool keeps no state file, so the tool tags each Studio domain it creates or adopts; a live
 * domain without the tag was made elsewhere (console, another tool) and is adopted only when the
 * plan says so. The tag is the tool's, not the user's: never declared, diffed or removed.
 */

/** Key of the tag the tool writes on every Studio domain it creates or adopts. */
export const STUDIO_MANAGED_TAG = 'smus-gitops:managed';

/** Value of that tag. */
export const STUDIO_MANAGED_VALUE = 'true';

/** Tag keys of the tool itself (`smus-gitops:*`): left out of the user's tags on both sides of a diff. */
export const TOOL_TAG = /^smus-gitops:/i;

/** Live meta key: `true` when the ownership tag is on the live domain. */
export const STUDIO_MANAGED_META = 'managed';
