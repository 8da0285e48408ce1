// English texts of productSearch's own checks. Portuguese in pt-br-checks-search.ts.

/** search-text-finds, search-paging, search-miss-empty, search-by-*, catalogue-sanity. */
export const enChecksSearch = {
  'check.search-text-finds.what': 'a TEXT search for testData.searchQuery returns at least one product',
  'check.search-text-finds.why':
    'sellers find products by typing; the order checks also need a real product to put in a cart',
  'check.search-text-finds.fix':
    'make the TEXT search find testData.searchQuery, or set testData.searchQuery to a term your catalogue matches',
  'search-text-finds.found': 'found {count} product(s) for "{query}"',
  'search-text-finds.nothing': 'the TEXT search for "{query}" found nothing',
  'search-text-finds.expected': 'at least one product (set testData.searchQuery to a term your catalogue matches)',
  'check.search-paging.what':
    '`size` caps the page and `from` skips that many hits, each judged on its own (both findings reported)',
  'check.search-paging.why':
    'OmniChat shows results page by page; ignoring paging repeats products or floods the seller',
  'check.search-paging.fix': 'return at most size products, starting after the first from hits',
  'search-paging.nothingToPage': 'the TEXT search for "{query}" found nothing to page through',
  'search-paging.atMost10': 'at most 10 products',
  'search-paging.products': '{count} products',
  'search-paging.exactlyOne': 'exactly 1 product',
  'search-paging.onlyOne': '[] (only one product matches)',
  'search-paging.secondFirst': 'objectId {wanted} first (the second hit of the first page), without {first}',
  'search-paging.ok': 'size and from are each honoured',
  'search-paging.neither': 'neither size nor from is honoured',
  'search-paging.fromIgnored': 'from=1 did not skip the first hit',
  'search-paging.sizeIgnored': 'size was not honoured',
  'check.search-miss-empty.what': 'a TEXT search that matches nothing answers 200 with []',
  'check.search-miss-empty.why': 'a non-2xx is a failed search on OmniChat\'s side, not "no results"',
  'check.search-miss-empty.fix': 'answer a search that finds nothing with 200 and [] (not 404 or an error)',
  'search-miss-empty.notEmpty': 'a search with no hit did not answer 200 []',
  'search-miss-empty.expected': 'HTTP 200 with []',
  'search-miss-empty.fuzzy': 'a nonsense search found {count} product(s); fine for a fuzzy search, but check it',
  'search-miss-empty.ok': 'a miss is 200 []',
  'search-miss-empty.static':
    'a search for a term no product has found the same products as "{query}": the search does not read its term',
  'search-miss-empty.nothingFound':
    'the TEXT search for "{query}" found nothing either, so an empty answer to a miss shows nothing',
  'search-text-finds.static':
    'a term no product has finds the same products, so finding these shows nothing; see search-miss-empty',
  'catalogue-sanity.empty': 'the TEXT search for "{query}" found no product to look at',
  'check.search-by-id.what': 'searchType=ID with a product objectId returns a list with exactly that product',
  'check.search-by-id.why':
    "OmniChat's search-by-ID call expects a list holding that single product (developers.omni.chat)",
  'check.search-by-id.fix': 'for searchType=ID, answer a list holding only the product whose objectId is the query',
  'search-by-id.nothing': 'no product to look up',
  'check.search-by-skuid.what': 'searchType=SKUID with a variant objectId returns its product',
  'check.search-by-skuid.why':
    "SKUID is a search type OmniChat's current docs list; the kit reads it as a variant objectId (docs/contracts.md, decision 9)",
  'check.search-by-skuid.fix': 'for searchType=SKUID, answer the product whose variant has the query as objectId',
  'search-by-skuid.nothing': 'no variant to look up',
  'check.search-by-reference.what': 'searchType=REFERENCE with a variant erpId returns its product',
  'check.search-by-reference.why':
    "REFERENCE is a search type OmniChat's current docs list; the kit reads it as a variant erpId, usually the barcode",
  'check.search-by-reference.fix': 'for searchType=REFERENCE, answer the product whose variant has the query as erpId',
  'search-by-reference.nothing':
    'no variant in the search answer has an erpId (leave REFERENCE out of capabilities.searchTypes if you do not support it)',
  'check.search-by-url.what': 'searchType=URL with a product externalUrl returns that product',
  'check.search-by-url.why':
    "OmniChat's assistant finds products from a link the customer sends (Google results, Lens)",
  'check.search-by-url.fix':
    'for searchType=URL, answer the product whose externalUrl is the query (ignore scheme, www. and trailing slash)',
  'search-by-url.nothing':
    'no product in the search answer has an externalUrl (leave URL out of capabilities.searchTypes if you do not support it)',
  'check.catalogue-sanity.what':
    'mainVariant equals its entry in variants, no variant objectId or erpId is used twice, variant fields (width, height, weight, variantLength) are not on the product, salePrice is not above price, stock is not negative (warnings)',
  'check.catalogue-sanity.why':
    'OmniChat shows these numbers to sellers and customers and puts variants in carts by id; contradictions there show the wrong price or stock, or the wrong variant',
  'check.catalogue-sanity.fix':
    'make mainVariant a copy of its entry in variants, give every variant its own objectId and erpId, move width, height, weight and variantLength onto the variants, and keep salePrice at or below price and stock at zero or more',
  'catalogue-sanity.where': '/{index} (product {id})',
  'catalogue-sanity.mainMissing': '{where}/mainVariant: objectId {id} is not among its variants',
  'catalogue-sanity.mainDiffers': '{where}/mainVariant: differs from its entry in variants (objectId {id}) in {fields}',
  'catalogue-sanity.onProduct':
    '{where}/{field}: {field} belongs on each variant, where OmniChat reads it; on the product it is ignored',
  'catalogue-sanity.saleAbove': '{where}/variants/{index}: salePrice {sale} is above price {price}',
  'catalogue-sanity.negative': '{where}/variants/{index}/quantity: negative stock {quantity}',
  'catalogue-sanity.place': '/{index}/variants/{variant} (product {id})',
  'catalogue-sanity.duplicate': 'variant {key} {value} is used {count} times: {places}',
  'catalogue-sanity.ok': '{count} product(s) look consistent',
  'catalogue-sanity.found': '{count} catalogue {count:oddity|oddities}',
  'catalogue-sanity.expected': 'consistent product data',
} as const;
