import type { enChecksSearch } from './en-checks-search';

/** As verificações próprias da productSearch, em português. */
export const ptChecksSearch: { readonly [K in keyof typeof enChecksSearch]: string } = {
  'check.search-text-finds.what': 'uma busca TEXT por testData.searchQuery retorna pelo menos um produto',
  'check.search-text-finds.why':
    'os vendedores encontram produtos digitando; as verificações de pedido também precisam de um produto real para colocar no carrinho',
  'check.search-text-finds.fix':
    'faça a busca TEXT encontrar testData.searchQuery, ou defina testData.searchQuery com um termo que o seu catálogo encontre',
  'search-text-finds.found': '{count} {count:produto encontrado|produtos encontrados} para "{query}"',
  'search-text-finds.nothing': 'a busca TEXT por "{query}" não encontrou nada',
  'search-text-finds.expected':
    'pelo menos um produto (defina testData.searchQuery com um termo que o seu catálogo encontre)',
  'check.search-paging.what':
    '`size` limita a página e `from` pula essa quantidade de resultados, cada um avaliado separadamente (os dois problemas são relatados)',
  'check.search-paging.why':
    'a OmniChat mostra os resultados página por página; ignorar a paginação repete produtos ou inunda o vendedor',
  'check.search-paging.fix': 'devolva no máximo size produtos, começando depois dos primeiros from resultados',
  'search-paging.nothingToPage': 'a busca TEXT por "{query}" não encontrou nada para paginar',
  'search-paging.atMost10': 'no máximo 10 produtos',
  'search-paging.products': '{count} {count:produto|produtos}',
  'search-paging.exactlyOne': 'exatamente 1 produto',
  'search-paging.onlyOne': '[] (só um produto corresponde)',
  'search-paging.secondFirst': 'objectId {wanted} primeiro (o segundo resultado da primeira página), sem {first}',
  'search-paging.ok': 'size e from são respeitados, cada um',
  'search-paging.neither': 'nem size nem from são respeitados',
  'search-paging.fromIgnored': 'from=1 não pulou o primeiro resultado',
  'search-paging.sizeIgnored': 'size não foi respeitado',
  'check.search-miss-empty.what': 'uma busca TEXT que não encontra nada responde 200 com []',
  'check.search-miss-empty.why': 'para a OmniChat, um status fora de 2xx é uma busca com falha, não "nenhum resultado"',
  'check.search-miss-empty.fix': 'responda a uma busca que não encontra nada com 200 e [] (não 404 nem um erro)',
  'search-miss-empty.notEmpty': 'uma busca sem resultados não respondeu 200 []',
  'search-miss-empty.expected': 'HTTP 200 com []',
  'search-miss-empty.fuzzy':
    'uma busca sem sentido encontrou {count} {count:produto|produtos}; tudo bem para uma busca aproximada, mas vale conferir',
  'search-miss-empty.ok': 'uma busca sem resultados responde 200 []',
  'search-miss-empty.static':
    'uma busca por um termo que nenhum produto tem encontrou os mesmos produtos que "{query}": a busca não lê o termo',
  'search-miss-empty.nothingFound':
    'a busca TEXT por "{query}" também não encontrou nada, então uma resposta vazia a um termo inexistente não mostra nada',
  'search-text-finds.static':
    'um termo que nenhum produto tem encontra os mesmos produtos, então encontrar estes não mostra nada; veja search-miss-empty',
  'catalogue-sanity.empty': 'a busca TEXT por "{query}" não encontrou produto para examinar',
  'check.search-by-id.what': 'searchType=ID com o objectId de um produto retorna uma lista com exatamente esse produto',
  'check.search-by-id.why':
    'a chamada de busca por ID da OmniChat espera uma lista com esse único produto (developers.omni.chat)',
  'check.search-by-id.fix':
    'para searchType=ID, responda com uma lista que tenha só o produto cujo objectId é o termo buscado',
  'search-by-id.nothing': 'não há produto para procurar',
  'check.search-by-skuid.what': 'searchType=SKUID com o objectId de uma variante retorna o produto dela',
  'check.search-by-skuid.why':
    'SKUID é um tipo de busca que a documentação atual da OmniChat lista; o kit o lê como o objectId de uma variante (docs/contracts.md, decisão 9)',
  'check.search-by-skuid.fix':
    'para searchType=SKUID, responda com o produto cuja variante tem o termo buscado como objectId',
  'search-by-skuid.nothing': 'não há variante para procurar',
  'check.search-by-reference.what': 'searchType=REFERENCE com o erpId de uma variante retorna o produto dela',
  'check.search-by-reference.why':
    'REFERENCE é um tipo de busca que a documentação atual da OmniChat lista; o kit o lê como o erpId de uma variante, geralmente o código de barras',
  'check.search-by-reference.fix':
    'para searchType=REFERENCE, responda com o produto cuja variante tem o termo buscado como erpId',
  'search-by-reference.nothing':
    'nenhuma variante da resposta da busca tem erpId (tire REFERENCE de capabilities.searchTypes se a sua loja não oferece esse tipo de busca)',
  'check.search-by-url.what': 'searchType=URL com o externalUrl de um produto retorna esse produto',
  'check.search-by-url.why':
    'o assistente da OmniChat encontra produtos a partir de um link que o cliente envia (resultados do Google, Lens)',
  'check.search-by-url.fix':
    'para searchType=URL, responda com o produto cujo externalUrl é o termo buscado (ignore o esquema, o www. e a barra final)',
  'search-by-url.nothing':
    'nenhum produto da resposta da busca tem externalUrl (tire URL de capabilities.searchTypes se a sua loja não oferece esse tipo de busca)',
  'check.catalogue-sanity.what':
    'mainVariant é igual à sua entrada em "variants", nenhum objectId ou erpId de variante se repete, os campos de variante (width, height, weight, variantLength) não estão no produto, salePrice não passa de price, o estoque não é negativo (avisos)',
  'check.catalogue-sanity.why':
    'a OmniChat mostra esses números a vendedores e clientes e coloca variantes no carrinho pelo id; contradições aí mostram o preço ou o estoque errado, ou a variante errada',
  'check.catalogue-sanity.fix':
    'faça de mainVariant uma cópia da sua entrada em "variants", dê a cada variante seu próprio objectId e erpId, passe width, height, weight e variantLength para as variantes e mantenha salePrice até price e o estoque em zero ou mais',
  'catalogue-sanity.where': '/{index} (produto {id})',
  'catalogue-sanity.mainMissing': '{where}/mainVariant: o objectId {id} não está entre as variantes dele',
  'catalogue-sanity.mainDiffers':
    '{where}/mainVariant: difere da sua entrada em "variants" (objectId {id}) em {fields}',
  'catalogue-sanity.onProduct':
    '{where}/{field}: {field} fica em cada variante, onde a OmniChat o lê; no produto ele é ignorado',
  'catalogue-sanity.saleAbove': '{where}/variants/{index}: salePrice {sale} é maior que price {price}',
  'catalogue-sanity.negative': '{where}/variants/{index}/quantity: estoque negativo {quantity}',
  'catalogue-sanity.place': '/{index}/variants/{variant} (produto {id})',
  'catalogue-sanity.duplicate': '{key} de variante {value} é usado {count} vezes: {places}',
  'catalogue-sanity.ok': '{count} {count:produto parece consistente|produtos parecem consistentes}',
  'catalogue-sanity.found': '{count} {count:inconsistência|inconsistências} no catálogo',
  'catalogue-sanity.expected': 'dados de produto consistentes',
};
