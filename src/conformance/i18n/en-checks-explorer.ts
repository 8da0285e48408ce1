// English texts of the explorer and its checks (explored-*). Portuguese in pt-br-checks-explorer.ts.

/** explored-text-search, explored-lookups, explored-paging, explored-carts, explored-callbacks, explored-answers, explored-stock, and the explorer's own words. */
export const enChecksExplorer = {
  'check.explored-text-search.what':
    'the explorer searches the term and the names of the products found again, in other case and with accents taken off or put on: the same products come back',
  'check.explored-text-search.why':
    'sellers type "tenis" for "Tênis" and "CAMISETA" for "camiseta"; OmniChat reads TEXT search as case- and accent-insensitive (docs/contracts.md, decision 9)',
  'check.explored-text-search.fix':
    'fold case and accents in TEXT search: compare the term and your product texts lower-cased and without accents (NFD, marks removed)',
  'check.explored-lookups.what':
    'the explorer looks up products and variants of the answers by every declared search type (ID exactly its product; SKUID, REFERENCE, URL at least it) and values nobody has, which find []',
  'check.explored-lookups.why':
    'OmniChat looks a product up by the id, SKU, reference or page a seller or a customer gives; an answer that ignores the value, or knows only some variants, shows the wrong product',
  'check.explored-lookups.fix':
    'match each searchType on its field (ID: product objectId, SKUID: any variant objectId, REFERENCE: variant erpId, URL: externalUrl), and answer [] when nothing has the value',
  'check.explored-paging.what':
    'the explorer asks pages at other offsets and sizes (and the same page twice): each is a slice of one list, as the first page began it',
  'check.explored-paging.why':
    'OmniChat pages through results with from and size: a page that is not a slice of one list repeats some products and hides others',
  'check.explored-paging.fix':
    'answer the products at positions from to from + size - 1 of one stable list (the same order for the same term), and fewer only at its end',
  'check.explored-carts.what':
    'the explorer validates carts of 1 to 5 lines (0, 1, S and S + 1 units of variants found, variants that do not exist, in any position): ERROR entries on exactly the lines that cannot be sold',
  'check.explored-carts.why':
    'OmniChat shows each ERROR on the line it names: an ERROR on the wrong line, or none on a line beyond stock, stops a good sale or lets a bad one through',
  'check.explored-carts.fix':
    'judge each cart line on its own variant and quantity, and name that line (componentId = items[].objectId) in its ERROR entry, wherever it stands in the cart',
  'check.explored-callbacks.what':
    "the explorer's own test orders each get one provisioning callback, after the 2xx, with the configured checkout's action, within 10 s (also after repeats and notifications)",
  'check.explored-callbacks.why':
    'a second provisioning callback provisions (and may charge) an order again; one that is missing or early leaves the order unpaid',
  'check.explored-callbacks.fix':
    'call OmniChat back once per order, after answering its creation: not again on a repeated creation or a status notification',
  'check.explored-answers.what':
    "every call of the explorer's order journeys gets a 2xx: creations and their repeats, notifications of any status in any order (also after a cancellation), cancellations and their repeats",
  'check.explored-answers.why':
    'OmniChat documents no order of notifications and no exactly-once delivery: a refused call is a change the merchant never learns, or an error for one already applied',
  'check.explored-answers.fix':
    'accept every creation, notification and cancellation of an order you know, whatever came before (statuses in any order, repeats, after a cancellation)',
  'check.explored-stock.what':
    "the explorer reads the stock of its own orders' variants between calls: a creation takes it once, a cancellation gives it back once, nothing else (validation, repeats, notifications) moves it",
  'check.explored-stock.why':
    'a stock taken twice stops sales of what is there; one given back twice (a repeated cancellation) sells what is not',
  'check.explored-stock.fix':
    "take an order's stock once when it is created and give it back once when it is cancelled, whatever is repeated",
  'explore.off': 'the explorer is off (--explore-calls 0)',
  'explore.nothingToExplore': 'the explorer found nothing to explore for it in the first search answer',
  'explore.noPool':
    'no product of the first search answer has stock that the checks do not order from, so the explorer created no order',
  'explore.notTested': 'the budget (--explore-calls {calls}) reached no journey that tests it',
  'explore.sameRule': 'the explorer found the same rule broken ({finding}); see {check}',
  'explore.termIgnored':
    'the TEXT search showed no products that depend on its term, so respelled terms finding the same show nothing; see search-text-finds',
  'explore.stepLine': '{step}. {operation} {summary}',
  'explore.replay':
    'found with --seed {seed} --explore-calls {calls}; {steps} {steps:step|steps} after {shrinks} {shrinks:shrinking step|shrinking steps}; the same seed replays it against the same merchant state',
  'explore.note':
    'explorer: seed {seed}, {journeys} {journeys:journey|journeys}, {calls} {calls:call|calls} (budget {budget}); replay with --seed {seed}',
  'explore.noteOff': 'explorer: seed {seed}; {why}',
  'explore.noProduct': 'no product',
  'explore.noList': 'no product list',
  'explore.aList': 'HTTP 200 with a JSON array',
  'explore.searchStep': '{type} {query} from={from} size={size}: {answer}, {found}',
  'explore.searchNotList':
    '{type} search for {query} (from={from}, size={size}) did not answer 200 with a product list',
  'explore.repeatDiffers': 'the same search twice ({search}) got different products',
  'explore.repeatFix': 'answer the same search with the same products in the same order',
  'explore.textDiffers': 'TEXT search for {written} finds other products than for {term}: case or accents decide',
  'explore.textIncluding': 'products including {id}',
  'explore.missFound': '{type} search for {value}, which no product has, found {count} {count:product|products}',
  'explore.missFix': 'answer a {type} search for a value no product has with 200 and [], not with products at hand',
  'explore.pageTooLong': 'the page from={from} size={size} held {count} products, more than size',
  'explore.pageNotSlice': 'the page from={from} size={size} is no slice of the list the other pages showed',
  'explore.cartStep': 'cart {cart}: {answer}, {entries}',
  'explore.cartNotList': 'the checker did not answer {cart} with a list of entries',
  'explore.cartWrong':
    'in a cart of {count} lines, lines without an ERROR that need one: {missed}; lines with an ERROR they should not have: {blamed}',
  'explore.orderStep': '{said}: {answer}',
  'explore.stockStep': 'stock, by {type} {value}: {answer}, {stock}',
  'explore.productMissing': 'product {id} not in the answer',
  'explore.noStockLookup':
    'the merchant declares neither ID nor SKUID search, so the stock of {id} cannot be read again',
  'explore.stockUnreadable': '{type} search for {value} did not return product {id}, so its stock cannot be read again',
  'explore.create': 'create {id} ({lines})',
  'explore.repeat': 'create {id} again',
  'explore.notify': 'notify {status} for {id}',
  'explore.cancel': 'cancel {id}',
  'explore.cancelAgain': 'cancel {id} again',
  'explore.validate': 'validate a cart ({lines})',
  'explore.refused': '{said} got {answer}, not a 2xx',
  'explore.stockWrong': 'the stock of {variant} is {seen}, not {expected}, after: {after}',
  'explore.stockOf': '{variant}: stock {stock}',
  'explore.or': ' or ',
  'explore.createStockFix': "take an order's stock once when it is created; a repeated creation takes nothing",
  'explore.cancelStockFix':
    "give an order's stock back once when it is cancelled; a repeated cancellation, or a CANCELLED notification after it, gives nothing more",
  'explore.notifyStockFix':
    "leave the stock as it is on status notifications (CANCELLED, NOT_PAID, REVERTED or ERROR may give an order's stock back, once in all)",
  'explore.validateStockFix': 'validate carts without reserving: only a created order takes stock',
  'explore.noCallback': 'no callback about the explorer order {id} within {seconds} s',
  'explore.callbacksTwice': '{count} provisioning callbacks about the explorer order {id}',
  'explore.oneCallback': 'one {action} callback per order, after its 2xx',
  'explore.callbacksFollow':
    "the callback about the checks' own order is already wrong, so the explorer's orders say nothing new; see callback-received",
  'explore.passed.explored-text-search':
    '{count} {count:respelled search|respelled searches} found the same products as the words they came from ({journeys} {journeys:journey|journeys})',
  'explore.passed.explored-lookups':
    '{count} {count:lookup|lookups} found what they should, and values nobody has found nothing ({journeys} {journeys:journey|journeys})',
  'explore.passed.explored-paging':
    '{count} {count:page|pages} at other offsets and sizes were slices of one list ({journeys} {journeys:journey|journeys})',
  'explore.passed.explored-carts':
    '{count} {count:cart|carts} of 1 to 5 lines got ERROR entries on exactly the lines that cannot be sold ({journeys} {journeys:journey|journeys})',
  'explore.passed.explored-callbacks':
    '{count} {count:order|orders} of the explorer got one callback each, after its 2xx',
  'explore.passed.explored-answers':
    '{count} {count:call|calls} of order journeys were accepted ({journeys} {journeys:journey|journeys})',
  'explore.passed.explored-stock':
    'the stock was what the orders allowed in {count} {count:look|looks}, and back where it started after each journey ({journeys} {journeys:journey|journeys})',
} as const;
