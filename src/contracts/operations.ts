/** The five merchant operations of OmniChat's custom integration (docs/contracts.md, decision 1). */
export const OPERATION_IDS = [
  'productSearch',
  'orderValidation',
  'orderCreation',
  'orderCancellation',
  'statusNotification',
] as const;

export type OperationId = (typeof OPERATION_IDS)[number];

/** The three OmniChat APIs a merchant calls back. */
export const CALLBACK_IDS = ['statusChange', 'provisions', 'updateCheckoutData'] as const;
export type CallbackId = (typeof CALLBACK_IDS)[number];

/** Every name a contract is kept under: the five operations, then the three callbacks. */
export const CONTRACT_NAMES: readonly (OperationId | CallbackId)[] = [...OPERATION_IDS, ...CALLBACK_IDS];

export type PayloadKind = 'request' | 'response';

interface OperationInfo {
  id: OperationId;
  method: 'GET' | 'POST';
  /** Path under the mock's base path (default `/v1`). */
  path: string;
  /** The field's label on OmniChat's settings screen. */
  setting: string;
  /** Schema file stem in contracts/schemas. */
  schemaStem: string;
  /** What a merchant must answer, in one line (docs/contracts.md, runner hints). */
  mustAnswer: string;
}

export const OPERATIONS: Record<OperationId, OperationInfo> = {
  productSearch: {
    id: 'productSearch',
    method: 'GET',
    path: '/products/productsearch',
    setting: 'URL de Busca de Produto',
    schemaStem: 'product-search',
    mustAnswer: '200 with a JSON array of products (`[]` when nothing matches), paged by `from`/`size`',
  },
  orderValidation: {
    id: 'orderValidation',
    method: 'POST',
    path: '/orders/orderchecker',
    setting: 'URL de Validação de Pedido',
    schemaStem: 'order-validation',
    mustAnswer: '200 with a JSON array of checker entries: `ERROR` per bad cart line, `INFO` with `shippingOptions`',
  },
  orderCreation: {
    id: 'orderCreation',
    method: 'POST',
    path: '/orders/orderprovisioning',
    setting: 'URL de Criação de Pedido',
    schemaStem: 'order-creation',
    mustAnswer: 'any 2xx within 5 s (`{"result":"ok"}`), idempotent on `objectId`; then call OmniChat back',
  },
  orderCancellation: {
    id: 'orderCancellation',
    method: 'POST',
    path: '/orders/ordercancel',
    setting: 'URL de Cancelamento de Pedido',
    schemaStem: 'order-cancellation',
    mustAnswer: 'any 2xx within 5 s (`{"result":"ok"}`), idempotent',
  },
  statusNotification: {
    id: 'statusNotification',
    method: 'POST',
    path: '/orders/statuschange',
    setting: 'URL de Notificação de Status',
    schemaStem: 'status-notification',
    mustAnswer: 'any 2xx within 5 s (`{"result":"ok"}`) for each of the 14 notified statuses',
  },
};

export const CALLBACK_SCHEMA_STEMS: Record<CallbackId, string> = {
  statusChange: 'callback-status-change',
  provisions: 'callback-provisions',
  updateCheckoutData: 'callback-update-checkout-data',
};

/** True when `name` is one of the five operation ids. */
export function isOperationId(name: string): name is OperationId {
  return (OPERATION_IDS as readonly string[]).includes(name);
}

/** True when `name` is one of the three callback ids. */
export function isCallbackId(name: string): name is CallbackId {
  return (CALLBACK_IDS as readonly string[]).includes(name);
}

/** The schema file name for one payload; productSearch's request is its query string. */
export function schemaFileFor(operation: OperationId | CallbackId, kind: PayloadKind): string {
  if (isCallbackId(operation)) return `${CALLBACK_SCHEMA_STEMS[operation]}.request.schema.json`;
  const stem = OPERATIONS[operation].schemaStem;
  if (operation === 'productSearch' && kind === 'request') return `${stem}.query.schema.json`;
  return `${stem}.${kind}.schema.json`;
}
