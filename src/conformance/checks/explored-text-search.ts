import type { Check } from '../check-definition';
import { judgeExplored } from '../explorer/judge';
import { englishTexts } from '../i18n';

/** The explorer's TEXT searches: the same products whatever the case and accents of the term. */
export const exploredTextSearch: Check = {
  id: 'explored-text-search',
  operations: ['productSearch'],
  ...englishTexts('explored-text-search'),
  reads: 'exploration',
  run: (ctx, operation) => judgeExplored(ctx, 'explored-text-search', operation),
  alone: (ctx, operation) => judgeExplored(ctx, 'explored-text-search', operation),
};
