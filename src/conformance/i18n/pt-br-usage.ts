import type { enUsage } from './en-usage';

/** Os erros de uso do verify, em português: uma linha que nomeia a opção ou a chave e a correção. */
export const ptUsage: { readonly [K in keyof typeof enUsage]: string } = {
  'usage.lang': '--lang {value}: use en ou pt-BR',
  'usage.runId': '--run-id {value}: use de 1 a 32 letras, dígitos ou hífens',
  'usage.positionalUrl': 'o verify recebe a URL base do lojista como opção: merchant-kit verify --base-url {url}',
  'usage.positionalConfig': 'o verify recebe o arquivo de configuração como opção: merchant-kit verify --config {file}',
  'usage.positional': 'o verify não recebe argumentos posicionais ({value}): use --config ARQUIVO ou --base-url URL',
  'usage.reportNoFile': '{flag} precisa de um nome de arquivo',
  'usage.reportDirectory': '{flag} {file}: não foi possível criar o diretório {directory} ({why})',
  'usage.reportWrite': '{flag} {file}: não foi possível gravar o relatório ({why})',
  'usage.fileInTheWay': 'há um arquivo no caminho',
  'usage.noSuchDirectory': 'o diretório não existe',
  'usage.permissionDenied': 'permissão negada',
  'usage.cannotCreateHere': 'nada pode ser criado ali: escolha um diretório seu',
  'usage.readOnly': 'o sistema de arquivos é somente leitura',
  'usage.diskFull': 'o disco está cheio',
  'usage.noSuchFile': 'o arquivo não existe',
  'usage.isDirectory': 'é um diretório',
  'usage.cannotRead': 'não pode ser lido',
  'usage.cannotReadCode': 'não pode ser lido ({code})',
  'usage.configAndBaseUrl':
    '--config e --base-url informados juntos: use só um (o arquivo de configuração já tem as cinco URLs)',
  'usage.nothingToVerify': 'nada a verificar: use --config ARQUIVO ou --base-url URL',
  'usage.tooManyHeaders':
    '{count} cabeçalhos informados (configuração e --header juntos): a OmniChat envia no máximo {max}; remova os excedentes',
  'usage.baseUrlNotUrl': '--base-url {url} não é uma URL: escreva como https://loja.exemplo.com.br/omnichat',
  'usage.baseUrlProtocol': '--base-url precisa ser uma URL http ou https, não {protocol}',
  'usage.headerForm': '--header: o formato esperado é "Nome: valor", e veio {given}',
  'usage.headerName': '--header: {given} não é um nome de cabeçalho válido: escreva "Nome: valor"',
  'usage.headerEmpty': '--header: o cabeçalho {name} está com o valor vazio',
  'usage.headerControl': '--header: o valor do cabeçalho {name} tem uma quebra de linha ou um NUL',
  'usage.wholeNumber': '{flag} {value} não é um número inteiro de {min} a {max}',
  'usage.onlyEmpty': '--only está vazio: informe uma ou mais entre {operations}',
  'usage.onlyUnknown': '--only: operação desconhecida "{name}" (use {operations})',
  'usage.onlyUnknownNear': '--only: operação desconhecida "{name}": você quis dizer "{suggestion}"? (use {operations})',
  'usage.callbackPort':
    '--callback-port {port}: não foi possível escutar em 127.0.0.1:{port} ({why}); escolha outra porta',
  'usage.portInUse': 'a porta está em uso',
  'usage.proxyNotUrl': '{variable}={value} não é uma URL de proxy: escreva como http://proxy.exemplo.com.br:3128',
  'usage.proxyScheme':
    '{variable} usa {scheme}://, que o verify não suporta: use um proxy HTTP (http://host:porta) ou remova {variable}',
  'usage.caNotFile': '{source} {file} não é um arquivo: informe um arquivo PEM com os certificados da CA',
  'usage.caTooLarge': '{source} {file} tem mais de 4 MB: informe o certificado da CA (PEM), não um repositório inteiro',
  'usage.caUnreadable': '{source} {file}: {why}',
  'usage.caNoPem':
    '{source} {file} não contém nenhum certificado PEM (-----BEGIN CERTIFICATE-----): converta um arquivo .cer/.der com "openssl x509 -inform der -in ARQUIVO -out ca.pem"',
  'usage.caInvalid': '{source} {file}: o certificado {index} de {count} não é um certificado X.509 válido',
  'usage.configUnreadable': '--config {file}: {why}',
  'usage.configNotJson':
    '--config {file} não é JSON: {where} (o texto não é mostrado: pode conter o valor de um cabeçalho)',
  'usage.jsonAt': '{reason} na linha {line}, coluna {column}',
  'usage.jsonSyntax': 'um erro de sintaxe',
  'usage.configProblem': '{file}: {problem}',
  'usage.configUrl':
    '{file}: "urls.{operation}" não é uma URL válida (encontrado {url}): escreva como https://loja.exemplo.com.br/omnichat/products/productsearch',
  'usage.configVariable':
    '{file}: {where} usa ${{name}}, que não está definida no ambiente: exporte {name} ou escreva o valor',
  'usage.aValue': 'um valor',
  'usage.configInvalid': 'não é uma configuração válida',
  'usage.configCa':
    '"ca" precisa ser um nome de arquivo ou uma lista de nomes de arquivo (certificados PEM da CA, relativos ao arquivo de configuração)',
  'usage.unknownKeyNear': 'chave desconhecida "{key}": você quis dizer "{suggestion}"?',
  'usage.unknownKey': 'chave desconhecida "{key}": as chaves válidas aqui são {known}',
  'usage.missingUrls':
    'falta a chave "{key}": informe as cinco URLs (como digitadas na tela de configurações da OmniChat)',
  'usage.missingUrl':
    'falta a chave "{key}": informe a URL completa que a OmniChat chama para {operation} (como digitada na tela de configurações da OmniChat)',
  'usage.missingKey': 'falta a chave "{key}": acrescente-a',
  'usage.configHeaders':
    '"{where}" tem {count} entradas: a OmniChat envia no máximo {max} cabeçalhos personalizados; remova os excedentes',
  'usage.configNotHttp':
    '"{where}" não é uma URL http(s) (encontrado {url}): escreva como https://loja.exemplo.com.br/omnichat/products/productsearch',
  'usage.configOneOf': '"{where}" precisa ser um de {allowed}',
  'usage.configBlankQuery':
    '"testData.searchQuery" só tem espaços: um termo assim encontra tudo ou nada, o que não mostra nada; informe uma palavra que os seus produtos têm',
  'usage.configEmpty': '"{where}" não pode ficar vazio',
  'usage.configOther': '"{where}" {expected}',
  'usage.serverVariable':
    '{file}: "{where}" usa ${{name}}: um teste pelo console de QA não lê o ambiente do servidor; digite o próprio valor',
  'usage.serverCa':
    '{file}: "ca" não é lido em um teste pelo console de QA (o servidor não lê arquivos para ele); rode verify --config com --ca na sua própria máquina',
  'usage.serverHeaderName':
    '{file}: "{where}" não é um nome de cabeçalho válido: use letras, dígitos e hífens, por exemplo Authorization',
  'usage.serverHeaderValue': '{file}: "{where}" tem uma quebra de linha ou NUL: informe o valor em uma linha só',
  'usage.serverPrivateTarget':
    '{file}: "urls.{operation}" aponta para {host}, {kind}: um teste pelo console de QA não acessa a rede em que o servidor dele está; inicie o serve com --verify-allow-private para permitir (para uso local)',
  'usage.parser': 'merchant-kit verify: {problem}; execute merchant-kit help verify para ver as opções',
  'usage.unknownOption': "opção desconhecida '{option}'",
  'usage.unknownOptionNear': "opção desconhecida '{option}' (você quis dizer {suggestion}?)",
  'usage.missingValue': "a opção '{option}' precisa de um valor",
};
