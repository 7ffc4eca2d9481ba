/** Its own module so that the API schema can name the codes without bundling the annex reader. */
/** Stable codes of what the annex reader refuses; the console words them in Vietnamese from these. */
export const annexProblemCodes = [
  'no-header',
  'missing-id',
  'bad-unit-type',
  'bad-max-total',
  'bad-bands',
  'empty-code',
  'bad-points',
  'bad-method',
  'no-parent',
  'leaf-outside-area',
  'unreadable-rule',
  'rule-without-figure',
] as const;
export type AnnexProblemCode = (typeof annexProblemCodes)[number];
