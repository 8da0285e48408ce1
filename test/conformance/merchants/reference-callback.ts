import type { Break } from './breaks';

/** Where and how the reference merchant calls OmniChat back. */
export interface CallbackSettings {
  omnichatApi: string;
  checkout: 'omni' | 'own';
  provisionsCode: 200 | 400;
  token: string;
  breaks?: Break;
}

/** The provisioning callback for a new order, as the reference merchant sends it (or breaks it). */
export function sendCallback(settings: CallbackSettings, orderId: string): Promise<void> {
  const { breaks } = settings;
  const own = settings.checkout === 'own' ? breaks !== 'wrong-callback-action' : breaks === 'wrong-callback-action';
  const body = own
    ? {
        responsible: 'reference-merchant',
        code: settings.provisionsCode,
        message: 'Order is ready for payment',
        checkoutUrl: `https://shop.example.com/checkout/${orderId}`,
      }
    : {
        responsible: 'reference-merchant',
        status: breaks === 'callback-wrong-status' ? 'PACKAGED' : 'ORDER_GATEWAY_PROVISIONED',
        message: 'Pedido Criado!',
      };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  // Its own ERP id instead of the objectId OmniChat sent.
  const id = breaks === 'callback-wrong-id' ? `ERP-${orderId}` : orderId;
  if (breaks !== 'callback-without-auth') headers.Authorization = `Bearer ${settings.token}`;
  return fetch(`${settings.omnichatApi}/v2/orders/${encodeURIComponent(id)}/${own ? 'provisions' : 'statusChange'}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  }).then(
    () => undefined,
    () => undefined,
  );
}
