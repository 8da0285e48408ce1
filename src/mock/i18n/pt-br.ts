import type { enAdmin, enProblems } from './en';

/**
 * Os textos dos problems do mock em português: o título de cada tipo e os detalhes que dizem o que estava
 * errado na requisição e como corrigir. Nomes (de cabeçalhos, ids, flags, chaves JSON, operações) ficam como estão.
 */
export const ptProblems: { readonly [K in keyof typeof enProblems]: string } = {
  'title.contract-violation': 'A requisição quebra o contrato',
  'title.malformed-json': 'O corpo da requisição não é um JSON válido',
  'title.unknown-scenario': 'Cenário desconhecido',
  'title.bad-request': 'Requisição inválida',
  'title.bad-admin-request': 'Requisição de administração inválida',
  'title.bad-sandbox-name': 'Nome de sandbox inválido',
  'title.unauthorized': 'Credenciais ausentes ou erradas',
  'title.cross-site-admin': 'Chamada de administração vinda de outro site',
  'title.order-not-found': 'Pedido não encontrado',
  'title.not-found': 'Rota inexistente',
  'title.not-in-catalog': 'Fora do catálogo',
  'title.sandbox-not-found': 'Sandbox inexistente',
  'title.method-not-allowed': 'Método não permitido',
  'title.request-timeout': 'A requisição não chegou a tempo',
  'title.callback-unavailable': 'O callback não pode ser enviado agora',
  'title.sandbox-exists': 'A sandbox já existe',
  'title.payload-too-large': 'Corpo da requisição grande demais',
  'title.unsupported-media-type': 'Tipo de conteúdo não suportado',
  'title.misdirected-request': 'Requisição para outro host',
  'title.freight-changed': 'O frete mudou depois da cotação',
  'title.headers-too-large': 'Cabeçalhos da requisição grandes demais',
  'title.scenario-server-error': 'Erro de servidor simulado',
  'title.internal-error': 'Erro interno no mock',
  'title.scenario-unavailable': 'Indisponibilidade simulada',
  'title.too-many-streams': 'Transmissões ao vivo demais',
  'title.sandbox-limit': 'Sandboxes demais',
  'title.bad-verify-config': 'Configuração da loja inválida',
  'title.verify-needs-token': 'Testes de integração exigem o token de admin',
  'title.verify-run-not-found': 'Teste de integração não encontrado',
  'title.verify-unavailable': 'Sem teste de integração neste servidor',
  'title.verify-not-done': 'Teste de integração ainda não terminou',
  'title.too-many-verify-runs': 'Testes de integração demais',

  'detail.unauthorized':
    'o cabeçalho {header} está ausente ou não confere com o valor configurado para esta integração',
  'detail.contractViolation': '{what} quebra o contrato de {operation}: {violations}',
  'detail.body': 'o corpo',
  'detail.queryString': 'a query string',
  'detail.andMore': ' (e mais {count}, veja errors)',
  'detail.orderNotFound': 'nenhum pedido com objectId {id}: crie-o antes (orderCreation) ou confira o id',
  'detail.freightChanged':
    'o vendedor mudou o frete: cotado {quoted}, no pedido {ordered}; esta integração não permite alterar o frete (allowFreightChange desligado): envie o frete cotado ou permita a alteração',
  'detail.methodNotAllowed': '{operation} só responde a {method}',
  'detail.scenarioServerError': 'o cenário server-error respondeu {operation} com 500',
  'detail.scenarioUnavailable': 'o cenário unavailable respondeu {operation} com 503; tente de novo em 30 s',
  'detail.badDelay':
    'o atraso pedido no cabeçalho Prefer (delay=N) deve ser um número inteiro de milissegundos, de 0 a {max}; recebido: {found}',
  'detail.unknownScenario': 'não existe o cenário {name} para {operation}; disponíveis: {available}',

  'detail.contentType': 'o Content-Type deve ser application/json; recebido: {found}',
  'detail.contentTypeNone': 'nenhum',
  'detail.bodyCut': 'não foi possível ler o corpo da requisição até o fim',
  'detail.notUtf8':
    'o corpo da requisição não é UTF-8 válido: envie o JSON codificado em UTF-8 (RFC 8259), sem Latin-1 nem bytes quebrados',
  'detail.notJson': 'o corpo da requisição não é um JSON válido: {reason}',
  'detail.tooDeep':
    'o corpo da requisição tem mais de {depth} níveis de aninhamento; nenhuma requisição da OmniChat chega perto disso',
  'detail.tooLarge': 'o corpo da requisição passa do limite de {mb} MB; envie um pedido menor',

  'detail.noRoute':
    'não existe a rota {method} {path}; as cinco operações ficam em {base} (ou em /sandboxes/NOME{basePath}; veja merchant-kit contracts)',
  'detail.unreadable': 'não foi possível ler a requisição para {path}: {reason}',
  'detail.internalError': 'o mock falhou ao responder {method} {path}: {reason}',
  'detail.unknownError': 'erro desconhecido',
  'detail.noDashboardFile': 'o painel não tem o arquivo {name}',
  'detail.noDashboardFiles':
    'o painel não tem o arquivo {name} (os arquivos dele estão faltando: rode `npm run build`)',
  'detail.noOrder': 'nenhum pedido com objectId {id}',
};

/** Os detalhes dos problems da API de administração, em português. */
export const ptAdmin: { readonly [K in keyof typeof enAdmin]: string } = {
  'admin.unauthorized': 'a API de administração exige Authorization: Bearer <o valor de --admin-token>',
  'admin.foreignHost':
    'a API de administração só responde a requisições endereçadas a este servidor (Host {hosts}); recebido Host {found}: abra-a por um desses nomes, ou inicie o serve com --public-url URL quando os clientes chegam a ele por outro (um proxy, um túnel, o nome de um contêiner)',
  'admin.foreignOrigin':
    'chamadas de administração só são aceitas das páginas do próprio console (origem {own}); recebido Origin {found}: uma página de outro site não pode controlar este mock; um script não envia Origin, e um console atrás de um proxy precisa de serve --public-url com a URL do proxy',
  'admin.jsonOnly':
    'um {method} de administração deve enviar Content-Type: application/json, mesmo sem corpo (recebido {found}): uma página de outro site não consegue enviar esse cabeçalho sem o consentimento do servidor, então só o console e os seus scripts podem alterar o mock',
  'admin.unknownOperation': 'operação desconhecida {name}: use uma destas: {operations}',
  'admin.scenarioBody':
    'envie {"scenario": "NOME"} para definir o cenário padrão, ou {"scenario": null} para removê-lo',
  'admin.stockSearch': 'a busca de estoque: {violations}',
  'admin.stockQuantity': 'envie {"quantity": N}, com N um número inteiro de 0 a {max} (0 testa a falta de estoque)',
  'admin.blockedBody': 'envie {"blocked": true} para bloquear o produto, ou {"blocked": false} para desbloqueá-lo',
  'admin.noProduct': 'nenhum produto com objectId {id} no catálogo',
  'admin.noVariant': 'nenhuma variante com objectId {id} no catálogo',
  'admin.callbackNotCreated':
    'o pedido {id} só é conhecido por uma notificação de status: a OmniChat recebe callback de um pedido criado',
  'admin.callbacksOff':
    'nenhuma URL da API da OmniChat está configurada, então não há para onde enviar callbacks: inicie o serve com --omnichat-api URL',
  'admin.callbackPending': 'um callback deste pedido ainda está sendo enviado: aguarde o resultado dele',
  'admin.tooManyStreams':
    'já há {max} transmissões ao vivo abertas (uma por aba do painel): feche uma aba e tente de novo',
  'admin.badSince': 'since deve ser um número de requisição (seq) igual ou maior que 0; recebido: {found}',
  'admin.sandboxNameRequired': 'envie {"name": "qa-ana", ...configurações}: name é obrigatório',
  'admin.settingsObject': 'envie um objeto JSON de configurações, por exemplo {"checkout": "own"}',
  'admin.badSandboxName':
    'o nome de sandbox {name} não é válido: use de 1 a 40 letras minúsculas, dígitos e hífens, por exemplo qa-ana',
  'admin.sandboxExists': 'a sandbox {name} já existe: mude as configurações dela com PATCH /__admin/sandboxes/{name}',
  'admin.defaultUndeletable': 'a sandbox default não pode ser apagada: zere-a em vez disso (POST /__admin/reset)',
  'admin.sandboxLimit':
    'este mock já tem {max} sandboxes, o limite de --max-sandboxes: apague uma (DELETE /__admin/sandboxes/NOME) ou inicie o serve com um --max-sandboxes maior',
  'admin.sandboxNotFound':
    'não existe a sandbox {name}: ela é criada na primeira requisição a uma operação, ou com POST /__admin/sandboxes',
  'admin.unknownSetting': 'configuração desconhecida {key}: as configurações são {keys}',
  'admin.checkout': 'checkout deve ser "omni" ou "own"',
  'admin.allowFreightChange': 'allowFreightChange deve ser true ou false',
  'admin.omnichatApi':
    'omnichatApi deve ser uma URL http(s), como https://orders-api.omni.chat, ou null para não enviar callbacks',
  'admin.omnichatToken': 'omnichatToken deve ser um texto não vazio, numa linha só, ou null',
  'admin.headersList': '"headers" deve ser uma lista de {"key": NOME, "value": VALOR}',
  'admin.headersCount': '"headers" tem {count} itens: a OmniChat envia no máximo {max} cabeçalhos personalizados',
  'admin.headerShape': 'headers/{index} deve ser {"key": NOME, "value": VALOR}, ambos textos',
  'admin.headerInvalid':
    'headers/{index} ({name}) não é um cabeçalho válido: um nome (token) e um valor não vazio, numa linha só',
  'admin.verifyBody':
    'envie {"config": a configuração da loja como o verify --config a lê, "noDestructive": false}: config é obrigatório',
  'admin.verifyUnknownKey': 'chave desconhecida {key}: envie config, noDestructive e lang',
  'admin.verifyNoDestructive': 'noDestructive deve ser true ou false',
  'admin.verifyLang': 'lang deve ser "en" ou "pt-BR"',
  'admin.verifyUnavailable':
    'este servidor não roda o verify: inicie-o com merchant-kit serve (um mock embutido ganha um pela opção verify do createMockApp)',
  'admin.verifyRunNotFound':
    'nenhum teste de integração {id}: ele nunca existiu, ou saiu do histórico (os mais antigos saem primeiro)',
  'admin.verifyQueueFull':
    '{running} {running:teste rodando|testes rodando} e {queued} na fila, o máximo que este servidor aceita: tente de novo quando um terminar',
  'admin.verifyNeedsToken':
    'um teste de integração chama outros servidores, e esta API de admin é acessada de fora do loopback ({why}): inicie o serve com --admin-token T',
  'admin.verifyViaProxy': 'por meio de um proxy',
  'admin.verifyRemote': 'a partir de {address}',
  'admin.verifyNotDone':
    'o teste {id} está {state}: o relatório vem quando ele terminar (GET /__admin/verify-runs/{id} diz quando)',
  'admin.verifySince': 'diga com qual teste comparar: GET /__admin/verify-runs/{id}/changes?since=OUTRO-ID',
  'admin.verifyNoRunForCallback':
    'nenhum teste de integração espera um callback sobre o pedido {id}: o teste acabou, ou o pedido não é um dos pedidos de teste dele',
};
