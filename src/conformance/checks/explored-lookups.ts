import type { Check } from '../check-definition';
import { judgeExplored } from '../explorer/judge';
import { englishTexts } from '../i18n';

/** The explorer's lookups: every product and variant shown is found its every declared way, and a value nobody has finds nothing. */
export const exploredLookups: Check = {
  id: 'explored-lookups',
  operations: ['productSearch'],
  ...englishTexts('explored-lookups'),
  reads: 'exploration',
  run: (ctx, operation) => judgeExplored(ctx, 'explored-lookups', operation),
  alone: (ctx, operation) => judgeExplored(ctx, 'explored-lookups', operation),
};
