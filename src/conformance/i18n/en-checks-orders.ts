// English texts of orderCreation's, statusNotification's and orderCancellation's checks. Portuguese
// in pt-br-checks-orders.ts.

/** creation-idempotent, callback-received, callback-authorized, freight-change-accepted, notification-repeat-accepted, all-statuses-accepted, cancellation-idempotent, cancel-unknown-no-5xx. */
export const enChecksOrders = {
  'check.creation-idempotent.what':
    'the same order sent a second time gets a 2xx and, with --callback-port, no second provisioning callback (after a grace period)',
  'check.creation-idempotent.why':
    "nothing in OmniChat's docs promises exactly-once delivery; a repeat that fails looks like a lost order, and a second callback provisions (and may charge) the order twice",
  'check.creation-idempotent.fix':
    'make order creation idempotent on objectId: a repeated order answers 2xx again and creates, reserves and calls back nothing more',
  'creation-idempotent.ok': 'the repeated order is accepted',
  'creation-idempotent.failed': 'the same order sent again was not accepted',
  'creation-idempotent.noCallback':
    'the repeated order is accepted (no callback came, so none was repeated; see callback-received)',
  'creation-idempotent.once': 'the repeated order is accepted and called back only once',
  'creation-idempotent.twice':
    'the repeated order was accepted, but the merchant called back {count} times for one order',
  'creation-idempotent.received': '{count} provisioning callbacks about {id}',
  'creation-idempotent.expected': 'one callback per order, however often the order is sent',
  'creation-idempotent.callback': 'callback {number}: {callback}',
  'check.callback-received.what':
    'after answering the order, and within 10 s, the merchant calls back about that order id: statusChange ORDER_GATEWAY_PROVISIONED for Checkout Omni, provisions with code 200 and a checkoutUrl for its own checkout, valid against its contract',
  'check.callback-received.why':
    'without that call OmniChat never charges the customer (Checkout Omni) or never gets the checkout link (own checkout); OmniChat waits for the callback its checkout mode uses, about the order id it sent',
  'check.callback-received.fix':
    "after answering the order, POST the outcome to OmniChat's orders API for the objectId OmniChat sent: statusChange ORDER_GATEWAY_PROVISIONED (Checkout Omni) or provisions with code 200 and a checkoutUrl (own checkout)",
  'callback.notChecked':
    'callbacks are not checked (give --callback-port N and point the merchant at http://127.0.0.1:N)',
  'callback-received.beforeAnswer':
    'the {action} callback came before orderCreation answered: the creation waited for the reply to its callback',
  'callback-received.beforeAnswerReceived': 'the callback, while the creation was still unanswered',
  'callback-received.afterAnswer': 'the 2xx answer to the creation first, then the callback',
  'callback-received.stray': 'a callback came for order {stray}, not for the test order {id}',
  'callback-received.none': 'no callback about {id} within {seconds} s',
  'callback-received.refused': 'nothing kept ({count} call(s) refused as malformed, too large or over the limit)',
  'callback-received.nothing': 'nothing',
  'callback-received.wentTo': 'the callback went to /{action}',
  'callback-received.wantsProvisions':
    'the callback went to /{action}, but with your own checkout (checkout "own") OmniChat waits for /provisions with the checkout link',
  'callback-received.wantsStatusChange':
    'the callback went to /{action}, but with Checkout Omni (checkout "omni") OmniChat waits for /statusChange {status}',
  'callback-received.breaks': 'the {action} callback breaks its contract',
  'callback-received.notJson': 'a body that is not JSON: {preview}',
  'callback-received.validBody': 'a valid {action} body',
  'callback-received.notProvisioned': 'the order was not provisioned (statusChange {status})',
  'callback-received.badCode': 'the order was not provisioned (provisions code {code})',
  'callback-received.codeExpected': '200 with a checkoutUrl',
  'callback-received.noCheckoutUrl': 'the provisions callback has code 200 but no checkoutUrl for the customer',
  'callback-received.noUrl': 'no checkoutUrl',
  'callback-received.urlExpected': 'a checkoutUrl (the link OmniChat sends the customer)',
  'callback-received.ok': '{action} received and valid',
  'callback-received.more': '{message}: received {received}, expected {expected}',
  'check.callback-authorized.what':
    'the callback carries an Authorization header (Bearer with your OmniChat API secret); its value is never read or kept',
  'check.callback-authorized.why':
    "OmniChat's orders API refuses a call without it: the callback is lost and the order never goes on",
  'check.callback-authorized.fix':
    "send Authorization: Bearer <your OmniChat API secret> (generated in OmniChat's settings) on every call to OmniChat's orders API",
  'callback-authorized.noCallback': 'no callback came; see callback-received',
  'callback-authorized.ok': 'the {action} callback carries Authorization: Bearer ***',
  'callback-authorized.otherScheme': 'the callback authenticates with another scheme than Bearer',
  'callback-authorized.otherReceived': 'Authorization: <another scheme> ***',
  'callback-authorized.expected': 'Authorization: Bearer <your OmniChat API secret>',
  'callback-authorized.missing': 'the {action} callback carries no Authorization header',
  'callback-authorized.noHeader': 'no Authorization header',
  'check.freight-change-accepted.what':
    'with allowFreightChange true, an order whose freightCost and shippingMethod differ from every option the checker quoted for that cart gets a 2xx (skipped otherwise)',
  'check.freight-change-accepted.why':
    'with the switch on, OmniChat sends the freight the seller typed as is; a merchant that rejects it loses the sale',
  'check.freight-change-accepted.fix':
    "accept the order's freightCost and shippingMethod as sent when the integration lets sellers change freight, even when they match no option you quoted",
  'freight-change-accepted.off':
    'allowFreightChange is not true in the config: OmniChat sends the freight as the checker quoted it',
  'freight-change-accepted.noSecondUnit': 'the search found no second unit in stock for a second test order',
  'freight-change-accepted.noQuote': 'the checker gave no quote for the cart ({reason})',
  'freight-change-accepted.ok': 'an order whose freight the seller changed ({changed}) is accepted',
  'freight-change-accepted.refused': 'an order whose freight the seller changed ({changed}) was refused',
  'freight-change-accepted.expected': '2xx (the checker quoted {count} option(s); the seller chose another freight)',
  'check.notification-repeat-accepted.what': 'the same status notification sent again gets a 2xx',
  'check.notification-repeat-accepted.why':
    'duplicate delivery is not ruled out; refusing the repeat reports an error for a change already applied',
  'check.notification-repeat-accepted.fix':
    'treat a repeated status notification (same order, status and updatedAt) as already applied and answer 2xx',
  'notification-repeat-accepted.ok': 'the repeated notification is accepted',
  'notification-repeat-accepted.failed': 'the same notification sent again was not accepted',
  'check.all-statuses-accepted.what': 'a notification of each of the 14 statuses OmniChat sends gets a 2xx',
  'check.all-statuses-accepted.why':
    'no retries are documented: a refused status (say REVERTED) is a change the merchant never learns',
  'check.all-statuses-accepted.fix':
    'answer 2xx to every status notification, including statuses your store does not act on (log and ignore them)',
  'all-statuses-accepted.noAnswer': '{status}: no answer ({reason})',
  'all-statuses-accepted.ok': 'all 14 statuses are accepted',
  'all-statuses-accepted.refused': '{count} {count:status|statuses} refused: {statuses}',
  'all-statuses-accepted.expected': '2xx for every status',
  'check.cancellation-idempotent.what': 'cancelling the already cancelled test order again gets a 2xx',
  'check.cancellation-idempotent.why':
    'the same cancellation also arrives as a CANCELLED notification (docs/contracts.md); handling it twice must not fail',
  'check.cancellation-idempotent.fix':
    "make cancellation idempotent on the order's objectId: a second cancellation of a cancelled order answers 2xx and releases nothing",
  'cancellation-idempotent.ok': 'cancelling again is accepted',
  'cancellation-idempotent.failed': 'cancelling the same order again was not accepted',
  'check.cancel-unknown-no-5xx.what': 'cancelling an order the merchant does not know gets a 2xx or 4xx, not a 5xx',
  'check.cancel-unknown-no-5xx.why':
    'a cancellation can reach a merchant that never stored the order (its creation failed or was lost); that is no server error',
  'check.cancel-unknown-no-5xx.fix':
    'answer a cancellation of an order you do not know with 2xx (nothing to do) or 404, never a server error',
  'cancel-unknown-no-5xx.ok': 'an unknown order gets HTTP {status}',
  'cancel-unknown-no-5xx.refused':
    'the cancellation was refused for its credentials (HTTP {status}), as the other calls were: it shows nothing about unknown orders',
  'cancel-unknown-no-5xx.serverError': 'cancelling an unknown order caused a server error',
  'cancel-unknown-no-5xx.unanswered': 'cancelling an unknown order was not answered',
  'cancel-unknown-no-5xx.expected': '2xx or 4xx',
} as const;
