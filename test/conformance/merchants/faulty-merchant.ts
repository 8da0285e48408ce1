import type { OperationId } from '../../../src/contracts';
import { startMerchant, type Break, type MerchantOptions } from './reference-merchant';
import { newMerchantState } from './reference-state';

/** A merchant with one fault per operation: its five URLs point at five reference merchants, each breaking one rule. */
export interface FaultyMerchant {
  urls: Record<OperationId, string>;
  close(): Promise<void>;
}

const PATHS: Record<OperationId, string> = {
  productSearch: '/products/productsearch',
  orderValidation: '/orders/orderchecker',
  orderCreation: '/orders/orderprovisioning',
  statusNotification: '/orders/statuschange',
  orderCancellation: '/orders/ordercancel',
};

/**
 * The five faults of a merchant half built, as the reports' tests use them: search ignores paging,
 * validation does not check stock, creation refuses a repeated order, notification refuses REVERTED,
 * and cancellation answers 500 to orders it does not know (the test order included, since each URL is
 * its own server). `search` replaces the search's fault (a warning, say).
 */
export async function startFaultyMerchant(
  options: Pick<MerchantOptions, 'auth'> & { search?: Break } = {},
): Promise<FaultyMerchant> {
  const faults: Record<OperationId, Break> = {
    productSearch: options.search ?? 'ignores-paging',
    orderValidation: 'no-stock-check',
    orderCreation: 'repeat-500',
    statusNotification: 'refuses-reverted',
    orderCancellation: 'cancel-unknown-500',
  };
  const operations = Object.keys(faults) as OperationId[];
  // One catalogue and stock behind five URLs (what one creates, the search at another shows), but each
  // server keeps its own orders: the cancellation URL knows none, so it answers 500 to the test order too.
  const shared = newMerchantState();
  const merchants = await Promise.all(
    operations.map((op) =>
      startMerchant({
        auth: options.auth,
        breaks: faults[op],
        state: { ...shared, orders: new Map(), cancelled: new Set(), cancellations: 0 },
      }),
    ),
  );
  const urls = Object.fromEntries(operations.map((op, i) => [op, `${merchants[i].baseUrl}${PATHS[op]}`])) as Record<
    OperationId,
    string
  >;
  return { urls, close: async () => void (await Promise.all(merchants.map((m) => m.close()))) };
}
