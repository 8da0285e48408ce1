import type { Check } from '../check-definition';
import { judgeExplored } from '../explorer/judge';
import { englishTexts } from '../i18n';

/** The explorer's pages: any from and size give a slice of one list, the same twice. */
export const exploredPaging: Check = {
  id: 'explored-paging',
  operations: ['productSearch'],
  ...englishTexts('explored-paging'),
  reads: 'exploration',
  run: (ctx, operation) => judgeExplored(ctx, 'explored-paging', operation),
  alone: (ctx, operation) => judgeExplored(ctx, 'explored-paging', operation),
};
