import type { Check } from '../check-definition';
import { judgeExplored } from '../explorer/judge';
import { englishTexts } from '../i18n';

/** The explorer's carts of 1 to 5 lines: ERROR entries on exactly the lines that cannot be sold, wherever they stand. */
export const exploredCarts: Check = {
  id: 'explored-carts',
  operations: ['orderValidation'],
  ...englishTexts('explored-carts'),
  reads: 'exploration',
  run: (ctx, operation) => judgeExplored(ctx, 'explored-carts', operation),
  alone: (ctx, operation) => judgeExplored(ctx, 'explored-carts', operation),
};
