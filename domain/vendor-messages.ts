/**
 * The vendor's words for "there is no user with this name" (a 4xx answer, not a fault). The
 * lookup of a free name and the "not found" text staff read both depend on it.
 */
export const NOT_REGISTERED = /not registered|not found|does not exist|no such user/i;
