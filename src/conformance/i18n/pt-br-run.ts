import type { enRun } from './en-run';

/** As frases do próprio verify, em português. */
export const ptRun: { readonly [K in keyof typeof enRun]: string } = {
  'outcome.couldNotCheck': 'não foi possível verificar: {reason}',
  'run.searchNotRun': 'a busca de produtos ainda não foi feita',
  'run.creationNotRun': 'orderCreation ainda não foi chamada',
  'run.noDestructive': '--no-destructive: nenhum pedido de teste é criado, notificado ou cancelado',
  'run.firstNoAnswer': 'a primeira requisição ficou sem resposta; veja {check}',
  'run.noRequestBuilt': 'não foi possível montar a requisição; veja {check}',
  'run.internalError': 'erro interno na verificação ({error})',
  'run.searchUnusable': 'a busca de produtos não deu uma resposta aproveitável ({reason})',
  'run.searchFoundNothing':
    'a busca TEXT por "{query}" não encontrou nenhum produto (defina testData.searchQuery com um termo que o seu catálogo encontre)',
  'run.noSellableVariant':
    'a busca TEXT por "{query}" não encontrou nenhuma variante vendável (visível, não bloqueada, com estoque)',
  'run.pricesWrongType':
    'a busca TEXT por "{query}" trouxe variantes cujo preço não é número ({count} delas, do tipo {type}), então nenhuma pode entrar num carrinho',
  'run.orderNotAccepted': 'o pedido de teste {id} não foi aceito ({answer}); veja orderCreation answers-2xx',
  'run.madeUpOrder':
    'a busca não trouxe produto para pedir, então as notificações de status foram sobre um pedido inventado, {id}, sem itens',
  'run.orderCancelled': 'pedido de teste {id} cancelado no final',
  'run.orderNotCancelled': 'não foi possível cancelar o pedido de teste {id} ({answer}): cancele-o manualmente',
  'run.orderRefusedTwice':
    'o pedido de teste {id} foi recusado, e o cancelamento dele também ({answer}): confira se a sua loja não guardou nada',
  'answer.noAnswer': 'sem resposta: {reason}',
  'answer.status': 'HTTP {status}',
  'answer.redirect': 'HTTP {status} (redirecionamento)',
  'answer.noAnswerParen': 'sem resposta ({reason})',
  'answer.redirected': 'a loja redirecionou (HTTP {status}); veja answers-2xx',
  'answer.not2xx': 'a resposta foi {answer}, não 2xx; veja answers-2xx',
  'answer.emptyBody': '{answer}, corpo vazio',
  'answer.preview': '{answer}: {text}',
  'answer.invalidJson': 'o corpo não é um JSON válido',
  'answer.notJsonArray': 'não é um array JSON: {preview}',
  'answer.bodyNotJson': 'o corpo não é JSON; veja json-body',
  'answer.notArray': 'a resposta não é um array JSON; veja response-contract',
  'answer.firstNotAccepted': 'a primeira requisição não foi aceita ({answer}); veja answers-2xx',
  'search.listIds': 'objectId {ids}',
  'search.andMore': '{ids} e mais {count}',
  'search.notDeclared': 'a busca {type} não está declarada em capabilities.searchTypes',
  'search.exactly': 'exatamente [{id}]',
  'search.containing': 'uma lista que contenha {id}',
  'search.noList': 'a busca {type} por {value} não respondeu 200 com uma lista de produtos',
  'search.http200With': 'HTTP 200 com {expected}',
  'search.finds': 'a busca {type} por {value} encontra o produto {id}',
  'search.notReturned': 'a busca {type} por {value} não retornou o produto {id}',
  'search.notReturnedExactly': 'a busca {type} por {value} não retornou exatamente o produto {id}',
  'search.missAlsoFound':
    'a busca {type} por {value}, que nenhum produto tem, também encontrou {found}: a resposta não depende do valor',
  'search.missNotList': 'a busca {type} por {value}, que nenhum produto tem, não respondeu 200 []',
  'search.missLikeText':
    'a busca {type} por {value}, que nenhum produto tem, respondeu {answer}, como a busca TEXT por um termo que ninguém tem; veja search-miss-empty',
  'search.blankValue': 'o valor a buscar está vazio ou em branco ({value}), e um valor em branco não prova nada',
  'cart.line': 'linha {line}: {quantity} x {variant} ({known})',
  'cart.single': '{quantity} x {variant} ({known})',
  'cart.cart': 'carrinho [{lines}]',
  'cart.noAnswerTo': 'sem resposta para {cart} ({reason})',
  'cart.noError': 'nenhuma entrada ERROR',
  'cart.errorForLine': 'uma entrada ERROR para a linha',
  'cart.errorsOn': 'entradas ERROR exatamente em {lines}',
  'cart.finding': '{probe}: o esperado era {expected}, e veio {received}',
  'cart.noEntries': '[] (nenhuma entrada)',
  'cart.entryOn': '{action} em {component}{message}',
  'cart.andMore': '{entries}; e mais {count}',
  'cart.stock': 'estoque {stock}',
  'cart.stockNotStated': 'estoque não informado',
  'cart.sellsOutOfStock': 'vende sem estoque',
  'cart.noSuchVariant': 'variante inexistente',
  'cart.noZeroStock':
    'nenhuma variante com estoque 0 apareceu nas respostas da busca (visível, de um produto nem bloqueado nem vendido sem estoque)',
  'cart.noStockLimit':
    'o produto {product} vende sem estoque (sellOutOfStock: true), então nenhum limite de estoque se aplica a ele',
  'cart.noQuantity': 'a variante {variant} não informa quantidade, então não há estoque a exceder',
  'tls.insecureCaveat':
    'os certificados TLS NÃO foram verificados (--insecure): uma aprovação não mostra que a OmniChat consegue se conectar',
};
