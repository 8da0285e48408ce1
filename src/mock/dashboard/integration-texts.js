// @ts-check
// The words of the "Testar integração" page, Portuguese first (OmniChat's own labels, as on its settings
// screen) and English. Ids, statuses, config keys and check ids never change with the language: only
// these texts do. The Portuguese catalogue is typed against the English keys (tsc fails on a missing one).

const EN = {
  'page.title': 'Test an integration · merchant-kit',
  'page.heading': 'Test an integration',
  'page.console': 'QA console',
  'page.switch': 'Português',
  'page.switchLabel': 'Mostrar a página em português',
  'form.title': 'Custom integration (Integração Customizada)',
  'form.intro':
    "Fill it in as on OmniChat's settings screen (Configurações → Integrações → E-Commerce / ERP → Customizada). The test runs on this server.",
  'form.checkout': 'Checkout option',
  'form.checkoutOmni': 'Checkout Omni',
  'form.checkoutOwn': 'Own checkout (Checkout Próprio)',
  'form.displayName': 'Display name',
  'form.platformName': 'Platform name',
  'form.teams': 'Teams',
  'form.teamsHint': 'Separated by commas.',
  'form.urls': 'URLs',
  'url.productSearch': 'Product search URL',
  'url.orderValidation': 'Order validation URL',
  'url.orderCreation': 'Order creation URL',
  'url.orderCancellation': 'Order cancellation URL',
  'url.statusNotification': 'Status notification URL',
  'form.headers': 'Headers',
  'form.headersHint': 'Up to five, sent on every call. Values are secrets: the server never shows them again.',
  'form.headerKey': 'Header key {n}',
  'form.headerValue': 'Header value {n}',
  'form.headerAdd': 'Add header',
  'form.headerRemove': 'Remove',
  'form.headerRemoveWhich': 'header {n}',
  'form.freight': 'Change freight data',
  'form.freightHint': 'Sellers may change the freight of an order (Alterar Dados do Frete).',
  'form.options': 'Test options',
  'form.searchQuery': 'Search term that finds products in stock',
  'form.noDestructive': 'Search and validation only (no test order)',
  'form.run': 'Test integration',
  'form.callbacks': 'During the test, your store must send its callbacks (statusChange, provisions) to:',
  'form.reenter': 'Type the header values again: the server never gives them back.',
  'io.title': 'merchant.json',
  'io.paste': 'Paste a merchant.json',
  'io.fill': 'Fill in the form',
  'io.export': 'Export merchant.json',
  'io.includeValues': 'Include the header values typed on this page (otherwise ${VARIABLE} placeholders)',
  'io.filled': 'The form was filled from the merchant.json.',
  'io.notJson': 'That is not a merchant.json: {reason}',
  'run.title': 'Test',
  'run.empty': 'No test yet: fill in the form and press “Test integration”.',
  'run.queued': 'Waiting for a free slot ({integration})…',
  'run.running': 'Testing {integration}…',
  'run.progress': 'Operations',
  'run.line': '{passed} passed, {failed} failed, {errors} could not check',
  'run.started': 'Test {id} started.',
  'report.verdict.pass': 'PASS',
  'report.verdict.fail': 'FAIL',
  'report.verdict.skip': 'NOTHING TESTED',
  'report.verdict.error': 'NO REPORT',
  'report.summary':
    '{passed} passed, {failed} failed, {warnings} warnings, {errors} could not check, {skipped} skipped',
  'report.meta': 'Test {id} · {date} · {seconds} s · merchant-kit {kit} · seed {seed}',
  'report.whatToFix': 'What to fix',
  'report.nothingToFix': 'Nothing to fix.',
  'report.fix': 'How to fix:',
  'report.received': 'received',
  'report.expected': 'expected',
  'report.where': 'where',
  'report.curl': 'Reproduce it',
  'report.then': 'Then {count} checks could not run because of it.',
  'report.operations': 'Every check',
  'report.downloads': 'Download the report',
  'report.noReport': 'This test produced no report: {problem}',
  'history.title': 'History',
  'history.integration': 'Integration',
  'history.empty': 'No test of this integration yet.',
  'history.date': 'Date',
  'history.verdict': 'Verdict',
  'history.duration': 'Duration',
  'history.kit': 'Kit version',
  'history.seed': 'Seed',
  'history.actions': 'Actions',
  'history.compareCol': 'Compare',
  'history.pick': 'Pick the test of {date} to compare',
  'history.open': 'Open',
  'history.openLabel': 'the test of {date}',
  'history.rerun': 'Test again',
  'history.rerunLabel': 'with the settings of the test of {date}',
  'history.compare': 'Compare the two picked tests',
  'history.pickTwo': 'Pick two tests to compare them.',
  'changes.title': 'From {from} to {to}',
  'changes.started': 'Started failing',
  'changes.stopped': 'Stopped failing',
  'changes.none': 'None.',
  'changes.was': 'was {was}, now {now}',
  'changes.consequences': '(and {count} checks that depend on it)',
  'token.title': 'Admin token',
  'token.why': 'This server protects its admin API: enter the value of --admin-token.',
  'token.refused': 'That token was refused. Enter the value of --admin-token this server was started with.',
  'token.label': 'Token',
  'token.kept': 'Kept for this tab only.',
  'token.continue': 'Continue',
  'live.connecting': 'connecting…',
  'live.live': 'live',
  'live.reconnecting': 'reconnecting…',
};

/** @type {Record<keyof typeof EN, string>} */
const PT = {
  'page.title': 'Testar integração · merchant-kit',
  'page.heading': 'Testar integração',
  'page.console': 'Console de QA',
  'page.switch': 'English',
  'page.switchLabel': 'Show the page in English',
  'form.title': 'Integração Customizada',
  'form.intro':
    'Preencha como na tela de configurações da OmniChat (Configurações → Integrações → E-Commerce / ERP → Customizada). O teste roda neste servidor.',
  'form.checkout': 'Opção de Checkout',
  'form.checkoutOmni': 'Checkout Omni',
  'form.checkoutOwn': 'Checkout Próprio',
  'form.displayName': 'Nome de Exibição',
  'form.platformName': 'Nome da Plataforma',
  'form.teams': 'Times',
  'form.teamsHint': 'Separados por vírgula.',
  'form.urls': 'URLs',
  'url.productSearch': 'URL de Busca de Produto',
  'url.orderValidation': 'URL de Validação de Pedido',
  'url.orderCreation': 'URL de Criação de Pedido',
  'url.orderCancellation': 'URL de Cancelamento de Pedido',
  'url.statusNotification': 'URL de Notificação de Status',
  'form.headers': 'Headers',
  'form.headersHint':
    'Até cinco, enviados em toda chamada. Os valores são segredos: o servidor nunca os mostra de novo.',
  'form.headerKey': 'Header Chave {n}',
  'form.headerValue': 'Header Valor {n}',
  'form.headerAdd': 'Adicionar header',
  'form.headerRemove': 'Remover',
  'form.headerRemoveWhich': 'o header {n}',
  'form.freight': 'Alterar Dados do Frete',
  'form.freightHint': 'O vendedor pode mudar o frete de um pedido.',
  'form.options': 'Opções do teste',
  'form.searchQuery': 'Termo de busca que encontra produtos em estoque',
  'form.noDestructive': 'Só busca e validação (nenhum pedido de teste)',
  'form.run': 'Testar integração',
  'form.callbacks': 'Durante o teste, a sua loja deve enviar os callbacks (statusChange, provisions) para:',
  'form.reenter': 'Digite de novo os valores dos headers: o servidor nunca os devolve.',
  'io.title': 'merchant.json',
  'io.paste': 'Cole um merchant.json',
  'io.fill': 'Preencher o formulário',
  'io.export': 'Exportar merchant.json',
  'io.includeValues': 'Incluir os valores dos headers digitados nesta página (senão, marcadores ${VARIAVEL})',
  'io.filled': 'O formulário foi preenchido com o merchant.json.',
  'io.notJson': 'Isso não é um merchant.json: {reason}',
  'run.title': 'Teste',
  'run.empty': 'Nenhum teste ainda: preencha o formulário e clique em “Testar integração”.',
  'run.queued': 'Aguardando uma vaga ({integration})…',
  'run.running': 'Testando {integration}…',
  'run.progress': 'Operações',
  'run.line': '{passed} ok, {failed} com falha, {errors} não verificadas',
  'run.started': 'Teste {id} iniciado.',
  'report.verdict.pass': 'PASSOU',
  'report.verdict.fail': 'FALHOU',
  'report.verdict.skip': 'NADA TESTADO',
  'report.verdict.error': 'SEM RELATÓRIO',
  'report.summary': '{passed} ok, {failed} com falha, {warnings} avisos, {errors} não verificadas, {skipped} puladas',
  'report.meta': 'Teste {id} · {date} · {seconds} s · merchant-kit {kit} · semente {seed}',
  'report.whatToFix': 'O que corrigir',
  'report.nothingToFix': 'Nada a corrigir.',
  'report.fix': 'Como corrigir:',
  'report.received': 'recebido',
  'report.expected': 'esperado',
  'report.where': 'onde',
  'report.curl': 'Para reproduzir',
  'report.then': 'Por causa disso, {count} verificações não puderam rodar.',
  'report.operations': 'Todas as verificações',
  'report.downloads': 'Baixar o relatório',
  'report.noReport': 'Este teste não gerou relatório: {problem}',
  'history.title': 'Histórico',
  'history.integration': 'Integração',
  'history.empty': 'Nenhum teste desta integração ainda.',
  'history.date': 'Data',
  'history.verdict': 'Resultado',
  'history.duration': 'Duração',
  'history.kit': 'Versão do kit',
  'history.seed': 'Semente',
  'history.actions': 'Ações',
  'history.compareCol': 'Comparar',
  'history.pick': 'Escolher o teste de {date} para comparar',
  'history.open': 'Abrir',
  'history.openLabel': 'o teste de {date}',
  'history.rerun': 'Testar de novo',
  'history.rerunLabel': 'com as configurações do teste de {date}',
  'history.compare': 'Comparar os dois testes escolhidos',
  'history.pickTwo': 'Escolha dois testes para compará-los.',
  'changes.title': 'De {from} para {to}',
  'changes.started': 'Passaram a falhar',
  'changes.stopped': 'Deixaram de falhar',
  'changes.none': 'Nenhuma.',
  'changes.was': 'era {was}, agora {now}',
  'changes.consequences': '(e mais {count} verificações que dependem dela)',
  'token.title': 'Token de admin',
  'token.why': 'Este servidor protege a API de admin: digite o valor de --admin-token.',
  'token.refused': 'Esse token foi recusado. Digite o valor de --admin-token com que este servidor foi iniciado.',
  'token.label': 'Token',
  'token.kept': 'Guardado só nesta aba.',
  'token.continue': 'Continuar',
  'live.connecting': 'conectando…',
  'live.live': 'ao vivo',
  'live.reconnecting': 'reconectando…',
};

/** @typedef {keyof typeof EN} TextKey */
/** @typedef {'pt-BR' | 'en'} PageLang */

/** @type {PageLang} */
let current = 'pt-BR';

/** The page's language now. */
export function pageLang() {
  return current;
}

/**
 * Switches the page's language: the document's lang and every text marked with data-t.
 * @param {PageLang} lang
 */
export function setPageLang(lang) {
  current = lang;
  document.documentElement.lang = lang;
  document.title = t('page.title');
  for (const el of document.querySelectorAll('[data-t]'))
    el.textContent = t(/** @type {TextKey} */ (el.getAttribute('data-t')));
}

/**
 * A text in the page's language, its {placeholders} filled.
 * @param {TextKey} key
 * @param {Record<string, string | number>} [params]
 * @returns {string}
 */
export function t(key, params = {}) {
  const template = (current === 'en' ? EN : PT)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
