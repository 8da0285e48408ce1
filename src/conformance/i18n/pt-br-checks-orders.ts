import type { enChecksOrders } from './en-checks-orders';

/** As verificações de orderCreation, statusNotification e orderCancellation, em português. */
export const ptChecksOrders: { readonly [K in keyof typeof enChecksOrders]: string } = {
  'check.creation-idempotent.what':
    'o mesmo pedido enviado uma segunda vez recebe 2xx e, com --callback-port, nenhum segundo callback de provisionamento (depois de um prazo de tolerância)',
  'check.creation-idempotent.why':
    'nada na documentação da OmniChat promete entrega exatamente uma vez; uma repetição que falha parece um pedido perdido, e um segundo callback provisiona (e pode cobrar) o pedido duas vezes',
  'check.creation-idempotent.fix':
    'torne a criação de pedidos idempotente pelo objectId: um pedido repetido responde 2xx de novo e não cria, não reserva nem faz callback de mais nada',
  'creation-idempotent.ok': 'o pedido repetido é aceito',
  'creation-idempotent.failed': 'o mesmo pedido enviado de novo não foi aceito',
  'creation-idempotent.noCallback':
    'o pedido repetido é aceito (nenhum callback chegou, então nenhum se repetiu; veja callback-received)',
  'creation-idempotent.once': 'o pedido repetido é aceito e recebe callback só uma vez',
  'creation-idempotent.twice': 'o pedido repetido foi aceito, mas a loja fez {count} callbacks para um só pedido',
  'creation-idempotent.received': '{count} callbacks de provisionamento sobre {id}',
  'creation-idempotent.expected': 'um callback por pedido, não importa quantas vezes o pedido seja enviado',
  'creation-idempotent.callback': 'callback {number}: {callback}',
  'check.callback-received.what':
    'depois de responder ao pedido, e em até 10 s, a loja faz o callback sobre aquele id de pedido: statusChange ORDER_GATEWAY_PROVISIONED no Checkout Omni, provisions com code 200 e um checkoutUrl no Checkout Próprio, válido segundo o contrato',
  'check.callback-received.why':
    'sem essa chamada a OmniChat nunca cobra o cliente (Checkout Omni) ou nunca recebe o link de checkout (Checkout Próprio); a OmniChat espera o callback que o seu modo de checkout usa, sobre o id de pedido que ela enviou',
  'check.callback-received.fix':
    'depois de responder ao pedido, faça POST do resultado na API de pedidos da OmniChat para o objectId que a OmniChat enviou: statusChange ORDER_GATEWAY_PROVISIONED (Checkout Omni) ou provisions com code 200 e um checkoutUrl (Checkout Próprio)',
  'callback.notChecked':
    'os callbacks não são verificados (use --callback-port N e aponte a loja para http://127.0.0.1:N)',
  'callback-received.beforeAnswer':
    'o callback {action} chegou antes de a orderCreation responder: a criação esperou a resposta do próprio callback',
  'callback-received.beforeAnswerReceived': 'o callback, com a criação ainda sem resposta',
  'callback-received.afterAnswer': 'primeiro a resposta 2xx à criação, depois o callback',
  'callback-received.stray': 'chegou um callback para o pedido {stray}, não para o pedido de teste {id}',
  'callback-received.none': 'nenhum callback sobre {id} em {seconds} s',
  'callback-received.refused':
    'nada guardado ({count} {count:chamada recusada por estar malformada, grande demais|chamadas recusadas por estarem malformadas, grandes demais} ou acima do limite)',
  'callback-received.nothing': 'nada',
  'callback-received.wentTo': 'o callback foi para /{action}',
  'callback-received.wantsProvisions':
    'o callback foi para /{action}, mas no Checkout Próprio (checkout "own") a OmniChat espera /provisions com o link de checkout',
  'callback-received.wantsStatusChange':
    'o callback foi para /{action}, mas no Checkout Omni (checkout "omni") a OmniChat espera /statusChange {status}',
  'callback-received.breaks': 'o callback {action} quebra o contrato dele',
  'callback-received.notJson': 'um corpo que não é JSON: {preview}',
  'callback-received.validBody': 'um corpo {action} válido',
  'callback-received.notProvisioned': 'o pedido não foi provisionado (statusChange {status})',
  'callback-received.badCode': 'o pedido não foi provisionado (provisions code {code})',
  'callback-received.codeExpected': '200 com um checkoutUrl',
  'callback-received.noCheckoutUrl': 'o callback provisions tem code 200, mas nenhum checkoutUrl para o cliente',
  'callback-received.noUrl': 'sem checkoutUrl',
  'callback-received.urlExpected': 'um checkoutUrl (o link que a OmniChat envia ao cliente)',
  'callback-received.ok': '{action} recebido e válido',
  'callback-received.more': '{message}: veio {received}, e o esperado era {expected}',
  'check.callback-authorized.what':
    'o callback traz um cabeçalho Authorization (Bearer com o seu segredo de API da OmniChat); o valor nunca é lido nem guardado',
  'check.callback-authorized.why':
    'a API de pedidos da OmniChat recusa uma chamada sem ele: o callback se perde e o pedido nunca avança',
  'check.callback-authorized.fix':
    'envie Authorization: Bearer <seu segredo de API da OmniChat> (gerado nas configurações da OmniChat) em toda chamada à API de pedidos da OmniChat',
  'callback-authorized.noCallback': 'nenhum callback chegou; veja callback-received',
  'callback-authorized.ok': 'o callback {action} traz Authorization: Bearer ***',
  'callback-authorized.otherScheme': 'o callback se autentica com outro esquema que não Bearer',
  'callback-authorized.otherReceived': 'Authorization: <outro esquema> ***',
  'callback-authorized.expected': 'Authorization: Bearer <seu segredo de API da OmniChat>',
  'callback-authorized.missing': 'o callback {action} não traz o cabeçalho Authorization',
  'callback-authorized.noHeader': 'sem o cabeçalho Authorization',
  'check.freight-change-accepted.what':
    'com allowFreightChange true, um pedido cujos freightCost e shippingMethod diferem de todas as opções que o checker cotou para aquele carrinho recebe 2xx (ignorada caso contrário)',
  'check.freight-change-accepted.why':
    'com a opção ligada, a OmniChat envia o frete que o vendedor digitou do jeito que está; uma loja que o recusa perde a venda',
  'check.freight-change-accepted.fix':
    'aceite o freightCost e o shippingMethod do pedido como vieram quando a integração deixa os vendedores alterarem o frete, mesmo que não batam com nenhuma opção cotada',
  'freight-change-accepted.off':
    'allowFreightChange não está true na configuração: a OmniChat envia o frete como o checker o cotou',
  'freight-change-accepted.noSecondUnit':
    'a busca não encontrou uma segunda unidade em estoque para um segundo pedido de teste',
  'freight-change-accepted.noQuote': 'o checker não cotou o carrinho ({reason})',
  'freight-change-accepted.ok': 'um pedido cujo frete o vendedor alterou ({changed}) é aceito',
  'freight-change-accepted.refused': 'um pedido cujo frete o vendedor alterou ({changed}) foi recusado',
  'freight-change-accepted.expected':
    '2xx (o checker cotou {count} {count:opção|opções}; o vendedor escolheu outro frete)',
  'check.notification-repeat-accepted.what': 'a mesma notificação de status enviada de novo recebe 2xx',
  'check.notification-repeat-accepted.why':
    'entrega duplicada não está descartada; recusar a repetição relata um erro para uma mudança já aplicada',
  'check.notification-repeat-accepted.fix':
    'trate uma notificação de status repetida (mesmo pedido, status e updatedAt) como já aplicada e responda 2xx',
  'notification-repeat-accepted.ok': 'a notificação repetida é aceita',
  'notification-repeat-accepted.failed': 'a mesma notificação enviada de novo não foi aceita',
  'check.all-statuses-accepted.what': 'uma notificação de cada um dos 14 status que a OmniChat envia recebe 2xx',
  'check.all-statuses-accepted.why':
    'nenhuma nova tentativa está documentada: um status recusado (por exemplo REVERTED) é uma mudança de que a loja nunca fica sabendo',
  'check.all-statuses-accepted.fix':
    'responda 2xx a toda notificação de status, inclusive aos status com que a sua loja não faz nada (registre e ignore)',
  'all-statuses-accepted.noAnswer': '{status}: sem resposta ({reason})',
  'all-statuses-accepted.ok': 'os 14 status são aceitos',
  'all-statuses-accepted.refused': '{count} {count:status recusado|status recusados}: {statuses}',
  'all-statuses-accepted.expected': '2xx para todo status',
  'check.cancellation-idempotent.what': 'cancelar de novo o pedido de teste já cancelado recebe 2xx',
  'check.cancellation-idempotent.why':
    'o mesmo cancelamento também chega como uma notificação CANCELLED (docs/contracts.md); tratá-lo duas vezes não pode falhar',
  'check.cancellation-idempotent.fix':
    'torne o cancelamento idempotente pelo objectId do pedido: um segundo cancelamento de um pedido cancelado responde 2xx e não libera nada',
  'cancellation-idempotent.ok': 'cancelar de novo é aceito',
  'cancellation-idempotent.failed': 'cancelar o mesmo pedido de novo não foi aceito',
  'check.cancel-unknown-no-5xx.what': 'cancelar um pedido que a loja não conhece recebe 2xx ou 4xx, não 5xx',
  'check.cancel-unknown-no-5xx.why':
    'um cancelamento pode chegar a uma loja que nunca guardou o pedido (a criação falhou ou se perdeu); isso não é erro de servidor',
  'check.cancel-unknown-no-5xx.fix':
    'responda ao cancelamento de um pedido que você não conhece com 2xx (nada a fazer) ou 404, nunca com erro de servidor',
  'cancel-unknown-no-5xx.ok': 'um pedido desconhecido recebe HTTP {status}',
  'cancel-unknown-no-5xx.refused':
    'o cancelamento foi recusado pelas credenciais (HTTP {status}), como as outras chamadas: não mostra nada sobre pedidos desconhecidos',
  'cancel-unknown-no-5xx.serverError': 'cancelar um pedido desconhecido causou um erro de servidor',
  'cancel-unknown-no-5xx.unanswered': 'cancelar um pedido desconhecido não teve resposta',
  'cancel-unknown-no-5xx.expected': '2xx ou 4xx',
};
