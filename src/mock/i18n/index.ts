import { translator, type Catalogues, type Lang, type Translator } from '../../common/i18n';

/**
 * The mock's problem texts (title per problem type, and the details that say how to fix the request)
 * in English and Portuguese; a problem is rendered in the request's Accept-Language (src/mock/problems.ts).
 * The checker's ERROR messages are not here: they stay in pt-BR, as a Brazilian store answers.
 */
const en = {
  'title.contract-violation': 'Request breaks the contract',
  'title.malformed-json': 'Request body is not valid JSON',
  'title.unknown-scenario': 'Unknown scenario',
  'title.bad-request': 'Bad request',
  'title.bad-admin-request': 'Bad admin request',
  'title.bad-sandbox-name': 'Bad sandbox name',
  'title.unauthorized': 'Missing or wrong credentials',
  'title.order-not-found': 'Order not found',
  'title.not-found': 'No such route',
  'title.not-in-catalog': 'Not in the catalog',
  'title.sandbox-not-found': 'No such sandbox',
  'title.method-not-allowed': 'Method not allowed',
  'title.request-timeout': 'Request not received in time',
  'title.callback-unavailable': 'Callback cannot be sent now',
  'title.sandbox-exists': 'Sandbox exists already',
  'title.payload-too-large': 'Request body too large',
  'title.unsupported-media-type': 'Unsupported content type',
  'title.freight-changed': 'Freight changed after the quote',
  'title.headers-too-large': 'Request header fields too large',
  'title.scenario-server-error': 'Simulated server error',
  'title.internal-error': 'Internal error in the mock',
  'title.scenario-unavailable': 'Simulated unavailability',
  'title.too-many-streams': 'Too many live streams',
  'title.sandbox-limit': 'Too many sandboxes',
  'detail.unauthorized': 'header {header} is missing or does not match the value configured for this integration',
  'detail.contractViolation': 'the {what} breaks the {operation} contract: {violations}',
  'detail.body': 'body',
  'detail.queryString': 'query string',
  'detail.andMore': ' (and {count} more, see errors)',
  'detail.orderNotFound': 'no order with objectId {id}: create it first (orderCreation) or check the id',
} as const;

const ptBR: { readonly [K in keyof typeof en]: string } = {
  'title.contract-violation': 'A requisição quebra o contrato',
  'title.malformed-json': 'O corpo da requisição não é um JSON válido',
  'title.unknown-scenario': 'Cenário desconhecido',
  'title.bad-request': 'Requisição inválida',
  'title.bad-admin-request': 'Requisição de administração inválida',
  'title.bad-sandbox-name': 'Nome de sandbox inválido',
  'title.unauthorized': 'Credenciais ausentes ou erradas',
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
  'title.freight-changed': 'O frete mudou depois da cotação',
  'title.headers-too-large': 'Headers da requisição grandes demais',
  'title.scenario-server-error': 'Erro de servidor simulado',
  'title.internal-error': 'Erro interno no mock',
  'title.scenario-unavailable': 'Indisponibilidade simulada',
  'title.too-many-streams': 'Transmissões ao vivo demais',
  'title.sandbox-limit': 'Sandboxes demais',
  'detail.unauthorized': 'o header {header} está ausente ou não confere com o valor configurado para esta integração',
  'detail.contractViolation': '{what} quebra o contrato de {operation}: {violations}',
  'detail.body': 'o corpo',
  'detail.queryString': 'a query string',
  'detail.andMore': ' (e mais {count}, veja errors)',
  'detail.orderNotFound': 'nenhum pedido com objectId {id}: crie-o antes (orderCreation) ou confira o id',
};

/** The mock's texts in both languages; pt-BR has exactly the English keys (a type error otherwise). */
export const MOCK_CATALOGUES: Catalogues<typeof en> = { en, 'pt-BR': ptBR };

/** The mock's texts in one language. */
export type MockT = Translator<typeof en>;

const made: Partial<Record<Lang, MockT>> = {};

/** The translator of one language (made once). */
export function mockT(lang: Lang): MockT {
  return (made[lang] ??= translator(MOCK_CATALOGUES, lang));
}
