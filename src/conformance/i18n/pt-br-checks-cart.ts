import type { enChecksCart } from './en-checks-cart';

/** As verificações da orderValidation (os carrinhos de teste), em português. */
export const ptChecksCart: { readonly [K in keyof typeof enChecksCart]: string } = {
  'check.cart-in-stock-ok.what':
    'carrinhos com 1, 2 e S unidades de uma variante com estoque encontrada pela busca (S = o estoque dela) não recebem entrada ERROR',
  'check.cart-in-stock-ok.why':
    'um ERROR impede o vendedor de fechar uma venda que deveria passar; testar várias quantidades pega um checker que decide por outra coisa que não o estoque',
  'check.cart-in-stock-ok.fix':
    'não devolva entrada ERROR para uma linha cuja variante é visível, não está bloqueada e tem pelo menos a quantidade pedida',
  'cart-in-stock-ok.ok': 'nenhuma entrada ERROR para carrinhos de {units} unidades de {variant} ({known})',
  'cart-in-stock-ok.failed': '{wrong} de {total} carrinhos dentro do estoque receberam uma entrada ERROR',
  'cart-in-stock-ok.refusesNothing':
    'o validador não recusou nenhum dos carrinhos que devem ser recusados (uma variante inexistente, mais que o estoque), então aceitar estes não mostra nada; veja unknown-variant-refused',
  'cart.refusesInStock':
    'o validador também recusa carrinhos dentro do estoque, então uma recusa aqui não mostra nada sobre esta regra; veja cart-in-stock-ok',
  'check.stock-checked.what':
    'uma linha de S + 1 unidades de uma variante com estoque S recebe uma entrada ERROR (produtos vendidos sem estoque são exceção)',
  'check.stock-checked.why': 'sem isso, os vendedores vendem um estoque que a loja não tem',
  'check.stock-checked.fix':
    'devolva uma entrada ERROR (componentId = o objectId da linha) para uma linha que pede mais do que o estoque da variante',
  'stock-checked.ok': '{quantity} unidades de {variant} ({known}) recebem um ERROR',
  'stock-checked.failed': '{quantity} unidades da variante {variant} ({known}) não receberam entrada ERROR',
  'check.zero-stock-refused.what':
    'uma linha de 1 unidade de uma variante com estoque 0 recebe uma entrada ERROR (ignorada quando a busca não mostra nenhuma variante assim)',
  'check.zero-stock-refused.why':
    'um estoque 0 é facilmente lido como "não controlado" (if (stock && ...)); aí os vendedores vendem o que já acabou',
  'check.zero-stock-refused.fix':
    'trate estoque 0 como esgotado: devolva uma entrada ERROR para qualquer quantidade, a menos que o produto seja vendido sem estoque',
  'zero-stock-refused.noLimit':
    '{quantity} unidades de {variant} ({known}) foram aceitas, além do estoque: o limite de estoque é o achado de stock-checked; veja stock-checked',
  'zero-stock-refused.ok': '1 unidade de {variant} (estoque 0) recebe um ERROR',
  'zero-stock-refused.failed': '1 unidade da variante {variant}, cujo estoque é 0, não recebeu entrada ERROR',
  'check.unknown-variant-refused.what':
    'uma linha com um id de variante que não existe recebe uma entrada ERROR, numa resposta 200',
  'check.unknown-variant-refused.why':
    'um produto pode ser excluído entre a busca e o pedido; a OmniChat mostra o ERROR ao vendedor, enquanto um 4xx ou 5xx é uma chamada com falha',
  'check.unknown-variant-refused.fix':
    'responda 200 com uma entrada ERROR (componentId = a linha) para uma linha cujo variantId você não conhece',
  'unknown-variant-refused.ok': 'uma linha de uma variante inexistente recebe um ERROR',
  'unknown-variant-refused.failed': 'uma linha de uma variante inexistente não recebeu entrada ERROR',
  'check.multi-line-cart.what':
    'num carrinho de três linhas cuja linha ruim não é a primeira, as entradas ERROR apontam exatamente as linhas ruins (componentId), e cada linha vendável recebe opções de frete quando a loja cota frete',
  'check.multi-line-cart.why':
    'a OmniChat mostra cada ERROR na linha que ele aponta: culpar a primeira linha, ou todas, impede o vendedor de vender as boas',
  'check.multi-line-cart.fix':
    'avalie cada linha do carrinho separadamente: uma entrada ERROR com componentId = o objectId da linha só para as linhas que não podem ser vendidas, e opções de frete para todas as que podem',
  'multi-line-cart.notLines': 'as entradas não apontam as linhas do carrinho; veja component-ids',
  'multi-line-cart.unknownAlone': 'uma variante inexistente não é recusada nem sozinha; veja unknown-variant-refused',
  'multi-line-cart.inStockAlone': 'uma unidade da variante com estoque é recusada mesmo sozinha; veja cart-in-stock-ok',
  'multi-line-cart.ok': 'as entradas ERROR apontam exatamente {lines} entre as três linhas',
  'multi-line-cart.failed':
    'as entradas ERROR de um carrinho de três linhas não apontam exatamente as linhas que não podem ser vendidas ({lines})',
  'multi-line-cart.noFreight': '{message}; nenhum frete é cotado',
  'multi-line-cart.withFreight': '{message}, e as linhas boas recebem opções de frete',
  'multi-line-cart.unquoted': 'linhas vendáveis de um carrinho de três linhas não receberam opções de frete: {lines}',
  'multi-line-cart.freightFor': 'opções de frete para {lines}',
  'multi-line-cart.noLine': 'nenhuma linha',
  'multi-line-cart.freightExpected': 'opções de frete para {lines} (como no carrinho de uma linha)',
  'check.component-ids.what':
    'toda entrada ITEM de todo carrinho que o verify enviou tem um componentId que é o objectId de uma linha daquele carrinho',
  'check.component-ids.why':
    'a OmniChat prende cada mensagem e cada opção de frete à linha do carrinho cujo objectId ela aponta (componentId = items[].objectId)',
  'check.component-ids.fix':
    'preencha o componentId de toda entrada ITEM com o objectId da linha do carrinho a que ela se refere (items[].objectId)',
  'component-ids.wrong': 'uma entrada ITEM aponta {id}, que não é uma linha do carrinho',
  'component-ids.expected': 'componentId entre {lines} (items[].objectId, não o id da variante nem do produto)',
  'component-ids.none': 'nenhuma entrada ITEM foi devolvida',
  'component-ids.ok': 'todas as {count} entradas ITEM apontam uma linha do carrinho',
  'check.shipping-options.what':
    'shippingOptions têm ids únicos e preços >= 0, e shippingMethod aponta uma delas, em todo carrinho que o verify enviou',
  'check.shipping-options.why':
    'o vendedor escolhe o frete entre essas opções; um id repetido ou um método solto escolhe o preço errado',
  'check.shipping-options.fix':
    'dê a cada opção de frete um id único e um preço de 0 ou mais, e preencha shippingMethod com um desses ids',
  'shipping-options.duplicate': 'duas opções de frete têm o mesmo id {id}',
  'shipping-options.uniqueIds': 'ids únicos',
  'shipping-options.badPrice': 'uma opção de frete não tem um preço utilizável',
  'shipping-options.priceExpected': 'um número >= 0',
  'shipping-options.dangling': 'shippingMethod {method} não é uma das opções',
  'shipping-options.oneOf': 'um destes: {ids}',
  'shipping-options.none': 'nenhuma opção de frete foi oferecida',
  'shipping-options.ok': '{count} {count:opção de frete bem formada|opções de frete bem formadas}',
  'check.partial-payload-accepted.what': 'um pedido só com objectId e status recebe 2xx, não 4xx nem 5xx',
  'check.partial-payload-accepted.why':
    'a OmniChat valida um pedido recém-criado antes de ele ter itens; um 5xx aí é uma chamada com falha para todo pedido novo',
  'check.partial-payload-accepted.fix':
    'aceite com 2xx um pedido que traz só objectId e status (um pedido recém-criado ainda não tem itens)',
  'partial-payload-accepted.ok': 'um pedido parcial é aceito',
  'partial-payload-accepted.failed': 'um pedido parcial (só objectId e status) não foi aceito',
};
