import type { enChecksExplorer } from './en-checks-explorer';

/** O explorador e as suas verificações (explored-*), em português. */
export const ptChecksExplorer: { readonly [K in keyof typeof enChecksExplorer]: string } = {
  'check.explored-text-search.what':
    'o explorador busca de novo o termo e os nomes dos produtos encontrados, com outras maiúsculas e minúsculas e com acentos tirados ou postos: voltam os mesmos produtos',
  'check.explored-text-search.why':
    'os vendedores digitam "tenis" para "Tênis" e "CAMISETA" para "camiseta"; a OmniChat entende a busca TEXT como indiferente a maiúsculas e acentos (docs/contracts.md, decisão 9)',
  'check.explored-text-search.fix':
    'ignore maiúsculas e acentos na busca TEXT: compare o termo e os textos dos produtos em minúsculas e sem acentos (NFD, sem as marcas)',
  'check.explored-lookups.what':
    'o explorador consulta produtos e variantes das respostas por cada tipo de busca declarado (ID exatamente o seu produto; SKUID, REFERENCE e URL pelo menos ele) e valores que ninguém tem, que encontram []',
  'check.explored-lookups.why':
    'a OmniChat consulta um produto pelo id, SKU, referência ou página que um vendedor ou cliente informa; uma resposta que ignora o valor, ou que só conhece algumas variantes, mostra o produto errado',
  'check.explored-lookups.fix':
    'compare cada searchType com o seu campo (ID: objectId do produto, SKUID: objectId de qualquer variante, REFERENCE: erpId da variante, URL: externalUrl) e responda [] quando nada tem o valor',
  'check.explored-paging.what':
    'o explorador pede páginas com outros deslocamentos e tamanhos (e a mesma página duas vezes): cada uma é um trecho de uma única lista, como a primeira página a começou',
  'check.explored-paging.why':
    'a OmniChat percorre os resultados com from e size: uma página que não é trecho de uma única lista repete alguns produtos e esconde outros',
  'check.explored-paging.fix':
    'responda os produtos das posições from a from + size - 1 de uma lista estável (a mesma ordem para o mesmo termo), e menos só no fim dela',
  'check.explored-carts.what':
    'o explorador valida carrinhos de 1 a 5 itens (0, 1, S e S + 1 unidades de variantes encontradas, variantes que não existem, em qualquer posição): entradas ERROR exatamente nos itens que não podem ser vendidos',
  'check.explored-carts.why':
    'a OmniChat mostra cada ERROR no item que ele indica: um ERROR no item errado, ou nenhum num item além do estoque, impede uma venda boa ou deixa passar uma ruim',
  'check.explored-carts.fix':
    'julgue cada item do carrinho pela sua variante e quantidade e indique esse item (componentId = items[].objectId) na entrada ERROR, seja qual for a posição dele no carrinho',
  'check.explored-callbacks.what':
    'cada pedido de teste do explorador recebe um callback de aprovisionamento, depois do 2xx, com a ação do checkout configurado, em até 10 s (também depois de repetições e notificações)',
  'check.explored-callbacks.why':
    'um segundo callback de aprovisionamento aprovisiona (e pode cobrar) o pedido de novo; um que falta ou chega cedo deixa o pedido sem pagamento',
  'check.explored-callbacks.fix':
    'faça o callback para a OmniChat uma vez por pedido, depois de responder à criação: não de novo numa criação repetida nem numa notificação de status',
  'check.explored-answers.what':
    'cada chamada das jornadas de pedido do explorador recebe um 2xx: criações e as suas repetições, notificações de qualquer status em qualquer ordem (também depois de um cancelamento), cancelamentos e as suas repetições',
  'check.explored-answers.why':
    'a OmniChat não documenta ordem das notificações nem entrega exatamente uma vez: uma chamada recusada é uma mudança que a loja nunca fica sabendo, ou um erro para uma já aplicada',
  'check.explored-answers.fix':
    'aceite toda criação, notificação e cancelamento de um pedido que você conhece, seja o que for que veio antes (status em qualquer ordem, repetições, depois de um cancelamento)',
  'check.explored-stock.what':
    'o explorador lê o estoque das variantes dos próprios pedidos entre as chamadas: a criação o tira uma vez, o cancelamento o devolve uma vez, nada mais (validação, repetições, notificações) o muda',
  'check.explored-stock.why':
    'um estoque tirado duas vezes impede a venda do que existe; um devolvido duas vezes (num cancelamento repetido) vende o que não existe',
  'check.explored-stock.fix':
    'tire o estoque de um pedido uma vez quando ele é criado e devolva-o uma vez quando ele é cancelado, seja o que for que se repita',
  'explore.off': 'o explorador está desligado (--explore-calls 0)',
  'explore.nothingToExplore': 'o explorador não encontrou o que explorar para isso na resposta da primeira busca',
  'explore.noPool':
    'nenhum produto da resposta da primeira busca tem estoque que as verificações não usem nos seus pedidos, então o explorador não criou pedido',
  'explore.notTested': 'o orçamento (--explore-calls {calls}) não chegou a nenhuma jornada que teste isso',
  'explore.sameRule': 'o explorador encontrou a mesma regra descumprida ({finding}); veja {check}',
  'explore.termIgnored':
    'a busca TEXT não mostrou produtos que dependam do termo, então termos reescritos que encontram o mesmo não mostram nada; veja search-text-finds',
  'explore.stepLine': '{step}. {operation} {summary}',
  'explore.replay':
    'encontrado com --seed {seed} --explore-calls {calls}; {steps} {steps:passo|passos} depois de {shrinks} {shrinks:redução|reduções}; a mesma seed o repete diante do mesmo estado da loja',
  'explore.note':
    'explorador: seed {seed}, {journeys} {journeys:jornada|jornadas}, {calls} {calls:chamada|chamadas} (orçamento {budget}); repita com --seed {seed}',
  'explore.noteOff': 'explorador: seed {seed}; {why}',
  'explore.noProduct': 'nenhum produto',
  'explore.noList': 'nenhuma lista de produtos',
  'explore.aList': 'HTTP 200 com um array JSON',
  'explore.searchStep': '{type} {query} from={from} size={size}: {answer}, {found}',
  'explore.searchNotList':
    'a busca {type} por {query} (from={from}, size={size}) não respondeu 200 com uma lista de produtos',
  'explore.repeatDiffers': 'a mesma busca duas vezes ({search}) trouxe produtos diferentes',
  'explore.repeatFix': 'responda a mesma busca com os mesmos produtos na mesma ordem',
  'explore.textDiffers':
    'a busca TEXT por {written} encontra outros produtos que a busca por {term}: maiúsculas ou acentos decidem',
  'explore.textIncluding': 'produtos entre os quais {id}',
  'explore.missFound': 'a busca {type} por {value}, que nenhum produto tem, encontrou {count} {count:produto|produtos}',
  'explore.missFix':
    'responda a uma busca {type} por um valor que nenhum produto tem com 200 e [], não com os produtos que estiverem à mão',
  'explore.pageTooLong': 'a página from={from} size={size} trouxe {count} produtos, mais que size',
  'explore.pageNotSlice': 'a página from={from} size={size} não é trecho da lista que as outras páginas mostraram',
  'explore.cartStep': 'carrinho {cart}: {answer}, {entries}',
  'explore.cartNotList': 'o validador não respondeu {cart} com uma lista de entradas',
  'explore.cartWrong':
    'num carrinho de {count} itens, itens sem ERROR que precisam de um: {missed}; itens com um ERROR que não deveriam ter: {blamed}',
  'explore.orderStep': '{said}: {answer}',
  'explore.stockStep': 'estoque, por {type} {value}: {answer}, {stock}',
  'explore.productMissing': 'produto {id} fora da resposta',
  'explore.noStockLookup':
    'a loja não declara busca por ID nem por SKUID, então o estoque de {id} não pode ser lido de novo',
  'explore.stockUnreadable':
    'a busca {type} por {value} não trouxe o produto {id}, então o estoque dele não pode ser lido de novo',
  'explore.create': 'criar {id} ({lines})',
  'explore.repeat': 'criar {id} de novo',
  'explore.notify': 'notificar {status} para {id}',
  'explore.cancel': 'cancelar {id}',
  'explore.cancelAgain': 'cancelar {id} de novo',
  'explore.validate': 'validar um carrinho ({lines})',
  'explore.refused': '{said} recebeu {answer}, não um 2xx',
  'explore.stockWrong': 'o estoque de {variant} é {seen}, não {expected}, depois de: {after}',
  'explore.stockOf': '{variant}: estoque {stock}',
  'explore.or': ' ou ',
  'explore.createStockFix':
    'tire o estoque de um pedido uma vez quando ele é criado; uma criação repetida não tira nada',
  'explore.cancelStockFix':
    'devolva o estoque de um pedido uma vez quando ele é cancelado; um cancelamento repetido, ou uma notificação CANCELLED depois dele, não devolve mais nada',
  'explore.notifyStockFix':
    'deixe o estoque como está nas notificações de status (CANCELLED, NOT_PAID, REVERTED ou ERROR podem devolver o estoque de um pedido, uma vez ao todo)',
  'explore.validateStockFix': 'valide carrinhos sem reservar: só um pedido criado tira estoque',
  'explore.noCallback': 'nenhum callback sobre o pedido do explorador {id} em {seconds} s',
  'explore.callbacksTwice': '{count} callbacks de aprovisionamento sobre o pedido do explorador {id}',
  'explore.oneCallback': 'um callback {action} por pedido, depois do 2xx dele',
  'explore.callbacksFollow':
    'o callback sobre o pedido das próprias verificações já está errado, então os pedidos do explorador não dizem nada novo; veja callback-received',
  'explore.passed.explored-text-search':
    '{count} {count:busca reescrita|buscas reescritas} encontraram os mesmos produtos que as palavras de origem ({journeys} {journeys:jornada|jornadas})',
  'explore.passed.explored-lookups':
    '{count} {count:consulta|consultas} encontraram o que deviam, e valores que ninguém tem não encontraram nada ({journeys} {journeys:jornada|jornadas})',
  'explore.passed.explored-paging':
    '{count} {count:página|páginas} com outros deslocamentos e tamanhos foram trechos de uma única lista ({journeys} {journeys:jornada|jornadas})',
  'explore.passed.explored-carts':
    '{count} {count:carrinho|carrinhos} de 1 a 5 itens receberam entradas ERROR exatamente nos itens que não podem ser vendidos ({journeys} {journeys:jornada|jornadas})',
  'explore.passed.explored-callbacks':
    '{count} {count:pedido|pedidos} do explorador receberam um callback cada, depois do 2xx',
  'explore.passed.explored-answers':
    '{count} {count:chamada|chamadas} de jornadas de pedido foram aceitas ({journeys} {journeys:jornada|jornadas})',
  'explore.passed.explored-stock':
    'o estoque foi o que os pedidos permitiam em {count} {count:leitura|leituras}, e voltou ao início depois de cada jornada ({journeys} {journeys:jornada|jornadas})',
};
