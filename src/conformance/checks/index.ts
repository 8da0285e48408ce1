import type { Check } from '../check-definition';
import { allStatusesAccepted } from './all-statuses-accepted';
import { answers2xx } from './answers-2xx';
import { authRequired } from './auth-required';
import { callbackAuthorized } from './callback-authorized';
import { callbackReceived } from './callback-received';
import { cancelUnknownNo5xx } from './cancel-unknown-no-5xx';
import { cancellationIdempotent } from './cancellation-idempotent';
import { cartInStockOk } from './cart-in-stock-ok';
import { catalogueSanity } from './catalogue-sanity';
import { exploredAnswers } from './explored-answers';
import { exploredCallbacks } from './explored-callbacks';
import { exploredCarts } from './explored-carts';
import { exploredLookups } from './explored-lookups';
import { exploredPaging } from './explored-paging';
import { exploredStock } from './explored-stock';
import { exploredTextSearch } from './explored-text-search';
import { componentIds } from './component-ids';
import { creationIdempotent } from './creation-idempotent';
import { freightChangeAccepted } from './freight-change-accepted';
import { jsonBody } from './json-body';
import { multiLineCart } from './multi-line-cart';
import { notificationRepeatAccepted } from './notification-repeat-accepted';
import { partialPayloadAccepted } from './partial-payload-accepted';
import { responseContract } from './response-contract';
import { searchById } from './search-by-id';
import { searchByReference } from './search-by-reference';
import { searchBySkuid } from './search-by-skuid';
import { searchByUrl } from './search-by-url';
import { searchMissEmpty } from './search-miss-empty';
import { searchPaging } from './search-paging';
import { searchTextFinds } from './search-text-finds';
import { shippingOptions } from './shipping-options';
import { stockChecked } from './stock-checked';
import { unknownVariantRefused } from './unknown-variant-refused';
import { unknownProperties } from './unknown-properties';
import { withinTimeBudget } from './within-time-budget';
import { zeroStockRefused } from './zero-stock-refused';

/**
 * Every check, in the order it is reported within an operation (and runs, with --concurrency 1).
 * Generic checks first, then OmniChat's semantics, then what the explorer found (explored-*, which
 * judge last); within-time-budget last because it looks at every request sent. The repeated notification comes before the status sweep, whose CANCELLED ends the story.
 */
export const CHECKS: readonly Check[] = [
  answers2xx,
  jsonBody,
  responseContract,
  unknownProperties,
  authRequired,
  searchTextFinds,
  searchPaging,
  searchMissEmpty,
  searchById,
  searchBySkuid,
  searchByReference,
  searchByUrl,
  catalogueSanity,
  cartInStockOk,
  stockChecked,
  zeroStockRefused,
  unknownVariantRefused,
  multiLineCart,
  componentIds,
  shippingOptions,
  partialPayloadAccepted,
  creationIdempotent,
  callbackReceived,
  callbackAuthorized,
  freightChangeAccepted,
  notificationRepeatAccepted,
  allStatusesAccepted,
  cancellationIdempotent,
  cancelUnknownNo5xx,
  exploredTextSearch,
  exploredLookups,
  exploredPaging,
  exploredCarts,
  exploredCallbacks,
  exploredAnswers,
  exploredStock,
  withinTimeBudget,
];
