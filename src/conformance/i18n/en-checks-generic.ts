// English texts of the checks every operation has: what each verifies, why OmniChat needs it, the
// fix, and every verdict they build. Portuguese in pt-br-checks-generic.ts.

/** answers-2xx, json-body, response-contract, unknown-properties, auth-required, within-time-budget. */
export const enChecksGeneric = {
  'check.answers-2xx.what': 'the first request gets a 2xx answer at the configured URL (no redirect)',
  'check.answers-2xx.why':
    'OmniChat counts any other status as a failed call; a redirect is not an answer (and would carry your auth headers elsewhere)',
  'check.answers-2xx.fix':
    "serve the operation at exactly the configured URL and answer 2xx (no redirect); check the path, the method and the server's logs",
  'answers-2xx.answered': 'answered {answer}',
  'answers-2xx.noLocation': 'no Location header',
  'answers-2xx.redirected':
    'redirected instead of answering: OmniChat calls exactly the configured URL and does not follow redirects; configure the final URL',
  'answers-2xx.redirectedElsewhere':
    'redirected instead of answering: OmniChat calls exactly the configured URL and does not follow redirects; configure the final URL (it points to another origin, where your auth headers would not be sent)',
  'answers-2xx.redirectTo': 'HTTP {status} to {location}',
  'answers-2xx.expectedHere': '2xx from the configured URL',
  'answers-2xx.refused': 'answered HTTP {status} to the configured headers',
  'answers-2xx.refusedFix':
    "check the header values given with --header or in the config's headers: OmniChat sends exactly those, and the merchant refused them",
  'answers-2xx.refusedBare': 'answered HTTP {status} to a request without custom headers',
  'answers-2xx.refusedBareFix':
    'give the headers the merchant requires with --header "Name: value" (or in the config\'s headers), as they will be on OmniChat\'s settings screen',
  'answers-2xx.status': 'answered HTTP {status}',
  'check.json-body.what':
    'the body is JSON (required for productSearch and orderValidation; optional but then valid for the others)',
  'check.json-body.why': 'OmniChat parses the body; HTML or broken JSON counts as a failed call',
  'check.json-body.fix':
    'answer with Content-Type application/json and a body that parses as JSON (for productSearch and orderValidation, an array)',
  'json-body.ignored': 'a non-JSON body ({type}), which OmniChat ignores here',
  'json-body.noType': 'no Content-Type',
  'json-body.notJson': 'the body is not JSON ({error})',
  'json-body.compressed':
    'the body is compressed (Content-Encoding: {encoding}) though the request did not ask for it (verify sends no Accept-Encoding): answer plain JSON, and compress only for a request that says Accept-Encoding: {encoding}',
  'json-body.aJsonBody': 'a JSON body',
  'json-body.empty': 'the body is empty',
  'json-body.aJsonArray': 'a JSON array',
  'json-body.noBody': 'no body, which OmniChat accepts here',
  'json-body.wrongType': 'the body is JSON but Content-Type is {type}',
  'json-body.typeMissing': 'missing',
  'json-body.ok': 'JSON body with a JSON Content-Type',
  'check.response-contract.what': "the answer validates against the operation's response schema (contracts/schemas)",
  'check.response-contract.why':
    'OmniChat reads these fields by name and type; a wrapped array or a price as a string is not a product list it can use',
  'check.response-contract.fix':
    'return the fields the contract names with their types (see merchant-kit validate and docs/contracts.md)',
  'response-contract.noJson': 'no JSON body to check (allowed for this operation)',
  'response-contract.ok': 'matches the response contract',
  'response-contract.violations': '{count} contract {count:violation|violations}',
  'check.unknown-properties.what':
    'properties and open-enum values the contract does not know, with the nearest known name (warning only)',
  'check.unknown-properties.why':
    'OmniChat ignores a misspelt field silently (externalImageUrl instead of externalImageURL shows no image)',
  'check.unknown-properties.fix':
    'rename the fields to the names the contract uses (the nearest known name is given), or drop them',
  'unknown-properties.noJson': 'no JSON body to look at',
  'unknown-properties.property': '{pointer}: unknown property "{name}"',
  'unknown-properties.propertyNear': '{pointer}: unknown property "{name}", did you mean "{suggestion}"?',
  'unknown-properties.value': '{pointer}: unknown value {value} (known: {known})',
  'unknown-properties.partial': ' in the first {keys} keys (the scan stops there)',
  'unknown-properties.none': 'no unknown properties or values{scope}',
  'unknown-properties.found': '{count} unknown {count:property or value|properties or values}{scope}',
  'unknown-properties.expected': 'only the properties and values the contract lists',
  'check.auth-required.what': 'when headers are configured, the same request without them gets 401 or 403',
  'check.auth-required.why':
    'the URLs are reachable from the internet: without the check anyone can create or cancel orders',
  'check.auth-required.fix':
    'refuse a request without the configured headers (or with wrong values) with 401 or 403 before doing anything else',
  'auth-required.noHeaders': 'no headers configured, so there is nothing to refuse',
  'auth-required.notAcceptedEither':
    'the request with the configured headers was not accepted either ({answer}), so the URL or the server is the problem, not auth; see answers-2xx',
  'auth-required.refused': 'refused without the configured headers (HTTP {status})',
  'auth-required.notRefused': 'a request without the configured headers was not refused',
  'auth-required.otherStatus':
    'without the configured headers the answer was HTTP {status}, not 401 or 403: a refusal, but not one that says the credentials are missing',
  'auth-required.expected': 'HTTP 401 or 403',
  'check.within-time-budget.what':
    'every request the runner sent to the operation was answered within timeoutMs (default 5000)',
  'check.within-time-budget.why':
    'OmniChat gives up after 5 s and shows the seller an error (or continues without the check)',
  'check.within-time-budget.fix':
    "answer within the time budget (5 s, OmniChat's); hand slow work to a background job and answer at once",
  'within-time-budget.noRequest': 'no request was sent',
  'within-time-budget.late': 'an answer came after the {budget} ms budget',
  'within-time-budget.answeredIn': 'answered in {ms} ms',
  'within-time-budget.within': 'an answer within {budget} ms',
  'within-time-budget.one': 'the answer came within the {budget} ms budget',
  'within-time-budget.all': 'all {count} answers came within the {budget} ms budget',
} as const;
