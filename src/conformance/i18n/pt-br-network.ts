import type { enNetwork } from './en-network';

/** Por que nenhuma resposta aproveitável chegou, e o que ajuda, em português. */
export const ptNetwork: { readonly [K in keyof typeof enNetwork]: string } = {
  'net.timeout': 'nenhuma resposta completa em {ms} ms',
  'net.badUrl': 'a URL não é válida',
  'net.tooLarge': 'o corpo passa de {mb} MB; a leitura parou aí',
  'net.dropped': 'a conexão foi fechada antes de o corpo chegar inteiro',
  'net.notSent': 'não foi possível enviar a requisição ({error})',
  'net.certExpired': 'o certificado de {host} expirou ({code}): renove-o; --insecure pula a verificação enquanto isso',
  'net.certNotYetValid':
    'o certificado de {host} ainda não é válido ({code}): confira a data de início dele e o relógio do servidor; --insecure pula a verificação',
  'net.selfSigned':
    '{host} apresenta um certificado autoassinado ({code}): informe esse certificado com --ca ARQUIVO (PEM) para confiar nele, ou use --insecure para pular a verificação',
  'net.untrustedCa':
    'o certificado de {host} foi emitido por uma CA em que esta máquina não confia ({code}), como uma CA interna ou um proxy que inspeciona TLS: informe o certificado dessa CA com --ca ARQUIVO (PEM), ou use --insecure para pular a verificação',
  'net.unknownCa':
    'o certificado de {host} foi emitido por uma CA que esta máquina não conhece ({code}): se a CA é sua, informe o certificado dela com --ca ARQUIVO (PEM); se é uma CA pública, faça o servidor enviar também os certificados intermediários; --insecure pula a verificação',
  'net.altNames': ' (ele lista {names})',
  'net.wrongHost':
    'o certificado de {host} não é para {hostname}{listed} ({code}): use uma URL com um nome que o certificado liste, ou emita um para {hostname}; --insecure pula a verificação',
  'net.tlsFailed':
    'o handshake TLS com {host} falhou ({code}): confira o certificado; --ca ARQUIVO confia em uma CA interna, --insecure pula a verificação',
  'net.via': 'o proxy {proxy} (de {from})',
  'net.proxyRefused':
    'conexão recusada por {via}: ele está rodando? Para acessar {hostname} diretamente, inclua-o em NO_PROXY',
  'net.proxyDns': 'o nome de host de {via} não resolve (DNS): confira {from}',
  'net.proxyDropped': 'a conexão com {host} por meio de {via} foi fechada antes de uma resposta',
  'net.refused': 'conexão recusada por {host}: o servidor está rodando e a porta está certa?',
  'net.dns': 'o nome de host {hostname} não resolve (DNS)',
  'net.closed': '{host} fechou a conexão antes de responder',
  'net.notHttps':
    'o handshake TLS com {host} falhou (EPROTO): a porta não fala https; se o servidor é http simples, use uma URL http://',
  'net.headerOverflow':
    '{host} enviou cabeçalhos de resposta maiores que o limite do Node (16 KB); a OmniChat também não consegue lê-los',
  'net.badLength': '{host} enviou um cabeçalho Content-Length inválido ({code})',
  'net.notHttp':
    '{host} não respondeu com HTTP válido ({code}): a porta está certa, e é um servidor HTTP (não https nem outro protocolo)?',
  'net.other': '{code} ao falar com {host}',
  'net.networkError': 'erro de rede',
  'net.proxyCredentials':
    '{via} pede credenciais ({answer}): coloque-as em {from} no formato http://usuário:senha@host:porta',
  'net.proxyDenied':
    '{via} se recusou a acessar {host} ({answer}): peça a liberação, ou inclua {hostname} em NO_PROXY se ele for acessível diretamente',
  'net.refusedAddress':
    '{host} é {kind}: um teste iniciado pelo console de QA não acessa a rede em que o servidor dele está; inicie o serve com --verify-allow-private para permitir (para uso local)',
  'net.refusedName':
    '{host} resolve para {address}, {kind}: um teste iniciado pelo console de QA não acessa a rede em que o servidor dele está; inicie o serve com --verify-allow-private para permitir (para uso local)',
  'net.kind.loopback': 'um endereço de loopback (o próprio servidor)',
  'net.kind.private': 'um endereço de rede privada',
  'net.kind.link-local': 'um endereço link-local',
  'net.kind.metadata': 'o endereço de um serviço de metadados de nuvem',
  'net.kind.unspecified': 'o endereço não especificado (que chega ao próprio servidor)',
  'net.kind.multicast': 'um endereço multicast',
  'net.kind.reserved': 'um endereço reservado',
  'net.stopped':
    'o teste foi interrompido antes desta resposta chegar: passou do tempo máximo que o servidor dá a um teste (serve --verify-time-limit)',
};
