/**
 * The mock's problem texts in English: a title per problem type (the same as PROBLEM_TYPES, which a test
 * keeps in step) and the details that say what was wrong with the request and how to fix it. Values
 * that are names (headers, ids, flags, JSON keys, operations) go in placeholders, unchanged in every language.
 */
export const enProblems = {
  'title.contract-violation': 'Request breaks the contract',
  'title.malformed-json': 'Request body is not valid JSON',
  'title.unknown-scenario': 'Unknown scenario',
  'title.bad-request': 'Bad request',
  'title.bad-admin-request': 'Bad admin request',
  'title.bad-sandbox-name': 'Bad sandbox name',
  'title.bad-verify-config': 'Bad merchant config',
  'title.unauthorized': 'Missing or wrong credentials',
  'title.cross-site-admin': 'Admin call from another site',
  'title.verify-needs-token': 'Verify runs need the admin token',
  'title.order-not-found': 'Order not found',
  'title.not-found': 'No such route',
  'title.not-in-catalog': 'Not in the catalog',
  'title.sandbox-not-found': 'No such sandbox',
  'title.verify-run-not-found': 'No such verify run',
  'title.verify-unavailable': 'No verify on this server',
  'title.method-not-allowed': 'Method not allowed',
  'title.request-timeout': 'Request not received in time',
  'title.callback-unavailable': 'Callback cannot be sent now',
  'title.sandbox-exists': 'Sandbox exists already',
  'title.verify-not-done': 'Verify run not done yet',
  'title.payload-too-large': 'Request body too large',
  'title.unsupported-media-type': 'Unsupported content type',
  'title.misdirected-request': 'Request for another host',
  'title.freight-changed': 'Freight changed after the quote',
  'title.headers-too-large': 'Request header fields too large',
  'title.scenario-server-error': 'Simulated server error',
  'title.internal-error': 'Internal error in the mock',
  'title.scenario-unavailable': 'Simulated unavailability',
  'title.too-many-streams': 'Too many live streams',
  'title.sandbox-limit': 'Too many sandboxes',
  'title.too-many-verify-runs': 'Too many verify runs',

  // The five operations (src/mock/pipeline.ts, handlers.ts, routes/operations.ts, routes/faults.ts).
  'detail.unauthorized': 'header {header} is missing or does not match the value configured for this integration',
  'detail.contractViolation': 'the {what} breaks the {operation} contract: {violations}',
  'detail.body': 'body',
  'detail.queryString': 'query string',
  'detail.andMore': ' (and {count} more, see errors)',
  'detail.orderNotFound': 'no order with objectId {id}: create it first (orderCreation) or check the id',
  'detail.freightChanged':
    'freight changed by the seller: quoted {quoted}, order {ordered}; this integration does not allow freight changes (allowFreightChange off): send the quoted freight or allow changes',
  'detail.methodNotAllowed': '{operation} answers {method} only',
  'detail.scenarioServerError': 'the server-error scenario answered {operation} with 500',
  'detail.scenarioUnavailable': 'the unavailable scenario answered {operation} with 503; retry after 30 s',
  'detail.badDelay': 'Prefer delay must be whole milliseconds from 0 to {max}, found {found}',
  'detail.unknownScenario': 'no scenario {name} for {operation}; available: {available}',

  // Reading a body (src/mock/json-body.ts).
  'detail.contentType': 'Content-Type must be application/json, found {found}',
  'detail.contentTypeNone': 'none',
  'detail.bodyCut': 'the request body could not be read to its end',
  'detail.notUtf8':
    'the request body is not valid UTF-8: send the JSON encoded as UTF-8 (RFC 8259), without Latin-1 or broken bytes',
  'detail.notJson': 'the request body is not valid JSON: {reason}',
  'detail.tooDeep': 'the request body is nested deeper than {depth} levels; no OmniChat payload comes close',
  'detail.tooLarge': 'the request body is over the {mb} MB limit; send a smaller order',

  // Any route (src/mock/app.ts, routes/respond.ts, routes/dashboard.ts, routes/checkout.ts).
  'detail.noRoute':
    'no route {method} {path}; the five operations live under {base} (or /sandboxes/NAME{basePath}; see merchant-kit contracts)',
  'detail.unreadable': 'the request to {path} could not be read: {reason}',
  'detail.internalError': 'the mock failed while answering {method} {path}: {reason}',
  'detail.unknownError': 'unknown error',
  'detail.noDashboardFile': 'the dashboard has no file {name}',
  'detail.noDashboardFiles': 'the dashboard has no file {name} (its files are missing: run npm run build)',
  'detail.noOrder': 'no order with objectId {id}',
} as const;

/** The admin API's problem details in English (src/mock/routes/admin*.ts, sandboxes.ts, sandbox-settings.ts). */
export const enAdmin = {
  'admin.unauthorized': 'the admin API needs Authorization: Bearer <the --admin-token value>',
  'admin.foreignHost':
    'the admin API answers only requests addressed to this server (Host {hosts}), found Host {found}: open it by one of those names, or start serve with --public-url URL when clients reach it by another (a proxy, a tunnel, a container name)',
  'admin.foreignOrigin':
    "admin calls are accepted only from the console's own pages (origin {own}), found Origin {found}: a page of another site cannot steer this mock; a script sends no Origin, and a console behind a proxy needs serve --public-url with the proxy's URL",
  'admin.jsonOnly':
    "an admin {method} must send Content-Type: application/json, even without a body (found {found}): a page of another site cannot send that header without the server's consent, so only the console and your scripts can change the mock",
  'admin.unknownOperation': 'unknown operation {name}: use one of {operations}',
  'admin.scenarioBody': 'send {"scenario": "NAME"} to set a default scenario, or {"scenario": null} to clear it',
  'admin.stockSearch': 'the stock search: {violations}',
  'admin.stockQuantity': 'send {"quantity": N} with N a whole number from 0 to {max} (0 tests out-of-stock)',
  'admin.blockedBody': 'send {"blocked": true} to block the product, {"blocked": false} to unblock it',
  'admin.noProduct': 'no product with objectId {id} in the catalog',
  'admin.noVariant': 'no variant with objectId {id} in the catalog',
  'admin.callbackNotCreated':
    'order {id} is only known from a status notification: OmniChat gets a callback for a created order',
  'admin.callbacksOff':
    'no OmniChat API URL is configured, so there is nowhere to send callbacks: start serve with --omnichat-api URL',
  'admin.callbackPending': 'a callback of this order is still being sent: wait for its outcome',
  'admin.tooManyStreams': '{max} live streams are open already (one per dashboard tab): close a tab and try again',
  'admin.badSince': 'since must be a request number (seq) of 0 or more, got {found}',
  'admin.sandboxNameRequired': 'send {"name": "qa-ana", ...settings}: name is required',
  'admin.settingsObject': 'send a JSON object of settings, e.g. {"checkout": "own"}',
  'admin.badSandboxName':
    'sandbox name {name} is not valid: use 1 to 40 lower-case letters, digits and dashes, e.g. qa-ana',
  'admin.sandboxExists': 'sandbox {name} exists already: change its settings with PATCH /__admin/sandboxes/{name}',
  'admin.defaultUndeletable': 'the default sandbox cannot be deleted: reset it instead (POST /__admin/reset)',
  'admin.sandboxLimit':
    'this mock holds {max} sandboxes already, its --max-sandboxes bound: delete one (DELETE /__admin/sandboxes/NAME) or start serve with a larger --max-sandboxes',
  'admin.sandboxNotFound':
    'no sandbox {name}: it is created on its first operation request, or with POST /__admin/sandboxes',
  'admin.unknownSetting': 'unknown setting {key}: the settings are {keys}',
  'admin.checkout': 'checkout must be "omni" or "own"',
  'admin.allowFreightChange': 'allowFreightChange must be true or false',
  'admin.omnichatApi':
    'omnichatApi must be an http(s) URL such as https://orders-api.omni.chat, or null for no callbacks',
  'admin.omnichatToken': 'omnichatToken must be a non-empty string on one line, or null',
  'admin.headersList': 'headers must be a list of {"key": NAME, "value": VALUE}',
  'admin.headersCount': 'headers has {count} entries: OmniChat sends at most {max} custom headers',
  'admin.headerShape': 'headers/{index} must be {"key": NAME, "value": VALUE}, both strings',
  'admin.headerInvalid':
    'headers/{index} ({name}) is not a valid header: a token name and a non-empty value on one line',
  'admin.verifyBody':
    'send {"config": the merchant config as verify --config reads it, "noDestructive": false}: config is required',
  'admin.verifyUnknownKey': 'unknown key {key}: send config, noDestructive and lang',
  'admin.verifyNoDestructive': 'noDestructive must be true or false',
  'admin.verifyLang': 'lang must be "en" or "pt-BR"',
  'admin.verifyUnavailable':
    'this server runs no verify: start it with merchant-kit serve (an embedded mock gets one through the verify option of createMockApp)',
  'admin.verifyRunNotFound':
    'no verify run {id}: it never existed, or it was dropped from the history (the oldest runs go first)',
  'admin.verifyQueueFull':
    '{running} {running:run is|runs are} running and {queued} waiting, the most this server takes: try again once one is done',
  'admin.verifyNeedsToken':
    'a run of verify calls other servers, and this admin API is reached from outside loopback ({why}): start serve with --admin-token T',
  'admin.verifyViaProxy': 'through a proxy',
  'admin.verifyRemote': 'from {address}',
  'admin.verifyNotDone':
    'run {id} is {state}: its report comes once it is done (GET /__admin/verify-runs/{id} says when)',
  'admin.verifySince': 'name the run to compare with: GET /__admin/verify-runs/{id}/changes?since=OTHER-ID',
  'admin.verifyNoRunForCallback':
    'no verify run is waiting for a callback about order {id}: the run is over, or the order is not one of its test orders',
} as const;
