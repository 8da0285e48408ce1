import type { enChecksGeneric } from './en-checks-generic';

/** As verificações que toda operação tem, em português. */
export const ptChecksGeneric: { readonly [K in keyof typeof enChecksGeneric]: string } = {
  'check.answers-2xx.what': 'a primeira requisição recebe uma resposta 2xx na URL configurada (sem redirecionamento)',
  'check.answers-2xx.why':
    'a OmniChat conta qualquer outro status como chamada com falha; um redirecionamento não é uma resposta (e levaria os seus cabeçalhos de autenticação para outro lugar)',
  'check.answers-2xx.fix':
    'sirva a operação exatamente na URL configurada e responda 2xx (sem redirecionamento); confira o caminho, o método e os logs do servidor',
  'answers-2xx.answered': 'respondeu {answer}',
  'answers-2xx.noLocation': 'sem o cabeçalho Location',
  'answers-2xx.redirected':
    'redirecionou em vez de responder: a OmniChat chama exatamente a URL configurada e não segue redirecionamentos; configure a URL final',
  'answers-2xx.redirectedElsewhere':
    'redirecionou em vez de responder: a OmniChat chama exatamente a URL configurada e não segue redirecionamentos; configure a URL final (ela aponta para outra origem, para onde os seus cabeçalhos de autenticação não seriam enviados)',
  'answers-2xx.redirectTo': 'HTTP {status} para {location}',
  'answers-2xx.expectedHere': '2xx da URL configurada',
  'answers-2xx.refused': 'respondeu HTTP {status} aos cabeçalhos configurados',
  'answers-2xx.refusedFix':
    'confira os valores dos cabeçalhos passados com --header ou na chave "headers" da configuração: a OmniChat envia exatamente esses valores, e a loja os recusou',
  'answers-2xx.refusedBare': 'respondeu HTTP {status} a uma requisição sem cabeçalhos personalizados',
  'answers-2xx.refusedBareFix':
    'informe os cabeçalhos que a loja exige com --header "Nome: valor" (ou na chave "headers" da configuração), como estarão na tela de configurações da OmniChat',
  'answers-2xx.status': 'respondeu HTTP {status}',
  'check.json-body.what':
    'o corpo é JSON (obrigatório para productSearch e orderValidation; opcional nas demais, mas então válido)',
  'check.json-body.why': 'a OmniChat interpreta o corpo; HTML ou JSON quebrado conta como chamada com falha',
  'check.json-body.fix':
    'responda com Content-Type application/json e um corpo que seja JSON válido (para productSearch e orderValidation, um array)',
  'json-body.ignored': 'um corpo que não é JSON ({type}), que a OmniChat ignora aqui',
  'json-body.noType': 'sem Content-Type',
  'json-body.notJson': 'o corpo não é JSON ({error})',
  'json-body.compressed':
    'o corpo está comprimido (Content-Encoding: {encoding}) sem que a requisição tenha pedido (o verify não envia Accept-Encoding): responda com JSON puro e comprima só quando a requisição disser Accept-Encoding: {encoding}',
  'json-body.aJsonBody': 'um corpo JSON',
  'json-body.empty': 'o corpo está vazio',
  'json-body.aJsonArray': 'um array JSON',
  'json-body.noBody': 'sem corpo, o que a OmniChat aceita aqui',
  'json-body.wrongType': 'o corpo é JSON, mas o Content-Type é {type}',
  'json-body.typeMissing': 'ausente',
  'json-body.ok': 'corpo JSON com Content-Type JSON',
  'check.response-contract.what': 'a resposta é válida segundo o schema de resposta da operação (contracts/schemas)',
  'check.response-contract.why':
    'a OmniChat lê esses campos pelo nome e pelo tipo; um array embrulhado ou um preço em texto não é uma lista de produtos que ela consiga usar',
  'check.response-contract.fix':
    'devolva os campos que o contrato define, com os tipos dele (veja merchant-kit validate e docs/contracts.md)',
  'response-contract.noJson': 'não há corpo JSON para verificar (permitido nesta operação)',
  'response-contract.ok': 'segue o contrato de resposta',
  'response-contract.violations': '{count} {count:violação|violações} do contrato',
  'check.unknown-properties.what':
    'propriedades e valores de enum aberto que o contrato não conhece, com o nome conhecido mais próximo (só aviso)',
  'check.unknown-properties.why':
    'a OmniChat ignora em silêncio um campo com nome errado (externalImageUrl em vez de externalImageURL não mostra imagem)',
  'check.unknown-properties.fix':
    'renomeie os campos para os nomes que o contrato usa (o nome conhecido mais próximo é indicado) ou remova-os',
  'unknown-properties.noJson': 'não há corpo JSON para examinar',
  'unknown-properties.property': '{pointer}: propriedade desconhecida "{name}"',
  'unknown-properties.propertyNear': '{pointer}: propriedade desconhecida "{name}"; você quis dizer "{suggestion}"?',
  'unknown-properties.value': '{pointer}: valor desconhecido {value} (conhecidos: {known})',
  'unknown-properties.partial': ' nas primeiras {keys} chaves (a varredura para aí)',
  'unknown-properties.none': 'nenhuma propriedade ou valor desconhecido{scope}',
  'unknown-properties.found':
    '{count} {count:propriedade ou valor desconhecido|propriedades ou valores desconhecidos}{scope}',
  'unknown-properties.expected': 'só as propriedades e os valores que o contrato lista',
  'check.auth-required.what': 'com cabeçalhos configurados, a mesma requisição sem eles recebe 401 ou 403',
  'check.auth-required.why':
    'as URLs são acessíveis pela internet: sem essa verificação, qualquer um pode criar ou cancelar pedidos',
  'check.auth-required.fix':
    'recuse com 401 ou 403 uma requisição sem os cabeçalhos configurados (ou com valores errados) antes de fazer qualquer outra coisa',
  'auth-required.noHeaders': 'nenhum cabeçalho configurado, então não há o que recusar',
  'auth-required.notAcceptedEither':
    'a requisição com os cabeçalhos configurados também não foi aceita ({answer}), então o problema é a URL ou o servidor, não a autenticação; veja answers-2xx',
  'auth-required.refused': 'recusou sem os cabeçalhos configurados (HTTP {status})',
  'auth-required.notRefused': 'uma requisição sem os cabeçalhos configurados não foi recusada',
  'auth-required.otherStatus':
    'sem os cabeçalhos configurados a resposta foi HTTP {status}, não 401 nem 403: uma recusa, mas não uma que diga que faltam as credenciais',
  'auth-required.expected': 'HTTP 401 ou 403',
  'check.within-time-budget.what':
    'toda requisição que o verify enviou à operação foi respondida dentro de timeoutMs (padrão 5000)',
  'check.within-time-budget.why':
    'a OmniChat desiste depois de 5 s e mostra um erro ao vendedor (ou segue sem a verificação)',
  'check.within-time-budget.fix':
    'responda dentro do tempo limite (5 s, o da OmniChat); passe o trabalho lento para uma tarefa em segundo plano e responda na hora',
  'within-time-budget.noRequest': 'nenhuma requisição foi enviada',
  'within-time-budget.late': 'uma resposta chegou depois do limite de {budget} ms',
  'within-time-budget.answeredIn': 'respondeu em {ms} ms',
  'within-time-budget.within': 'uma resposta em até {budget} ms',
  'within-time-budget.one': 'a resposta chegou dentro do limite de {budget} ms',
  'within-time-budget.all': 'todas as {count} respostas chegaram dentro do limite de {budget} ms',
};
