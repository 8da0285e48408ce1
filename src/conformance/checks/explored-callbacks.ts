import type { Check } from '../check-definition';
import { judgeExplorerCallbacks } from '../explorer/callback-judge';
import { englishTexts } from '../i18n';

/** The callbacks about the explorer's orders: one each, after the 2xx, with the configured checkout's action, in time. */
export const exploredCallbacks: Check = {
  id: 'explored-callbacks',
  operations: ['orderCreation'],
  ...englishTexts('explored-callbacks'),
  reads: 'exploration',
  run: (ctx) => judgeExplorerCallbacks(ctx),
  alone: (ctx) => judgeExplorerCallbacks(ctx),
};
