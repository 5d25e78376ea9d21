/**
 * The page size every list of the read asks for: the largest its service model allows (the
 * `MaxResults` shapes' `max`), so an org-sized read needs as few pages as the API permits. A
 * service may still answer fewer items than asked (AWS documents that), so pagination stays.
 */

/** DataZone: `MaxResults` (1–50) for most lists; `MaxResultsForListDomains` (1–25) for these two. */
export const DATAZONE_MAX_RESULTS = 50;

/** DataZone ListDomains and ListDomainUnitsForParent (`MaxResultsForListDomains`: 1–25). */
export const DATAZONE_DOMAINS_MAX_RESULTS = 25;

/** RAM GetResourceShares, GetResourceShareAssociations, ListResourceSharePermissions (`MaxResults`: 1–500). */
export const RAM_MAX_RESULTS = 500;

/** SageMaker ListDomains (`MaxResults`: 1–100). */
export const SAGEMAKER_MAX_RESULTS = 100;

/**
 * SageMaker ListTags (`ListTagsMaxResults`: at least 50, no maximum in the model). 50 is the
 * smallest valid value; a resource holding more tags is simply read in more pages.
 */
export const SAGEMAKER_TAGS_MAX_RESULTS = 50;
