/**
 * The cycle years the system accepts, in one place: the API's path and body schemas, the units'
 * validity years, the pipeline's task input, `npm run cycle` and the published-years lookup.
 */
export const cycleYears = { first: 2000, last: 2199 } as const;
