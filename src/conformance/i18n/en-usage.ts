// English texts of verify's usage mistakes: flags, the config file, report paths. Each is one line
// that names the flag or config key and the fix (exit code 2). Portuguese in pt-br-usage.ts.

/** verify's usage errors, and the parts of them that are words of their own. */
export const enUsage = {
  'usage.lang': '--lang {value}: use en or pt-BR',
  'usage.runId': '--run-id {value}: use 1 to 32 letters, digits or dashes',
  'usage.positionalUrl': "verify takes the merchant's base URL as a flag: merchant-kit verify --base-url {url}",
  'usage.positionalConfig': 'verify takes the config file as a flag: merchant-kit verify --config {file}',
  'usage.positional': 'verify takes no positional argument ({value}): give --config FILE or --base-url URL',
  'usage.reportNoFile': '{flag} needs a file name',
  'usage.reportDirectory': '{flag} {file}: cannot create the directory {directory} ({why})',
  'usage.reportWrite': '{flag} {file}: cannot write the report ({why})',
  'usage.fileInTheWay': 'a file is in the way',
  'usage.noSuchDirectory': 'no such directory',
  'usage.permissionDenied': 'permission denied',
  'usage.cannotCreateHere': 'nothing can be created there: pick a directory of your own',
  'usage.readOnly': 'the file system is read-only',
  'usage.diskFull': 'the disk is full',
  'usage.noSuchFile': 'no such file',
  'usage.isDirectory': 'it is a directory',
  'usage.cannotRead': 'cannot be read',
  'usage.cannotReadCode': 'cannot be read ({code})',
  'usage.configAndBaseUrl': '--config and --base-url both given: use one (the config file has the five URLs)',
  'usage.nothingToVerify': 'nothing to verify: give --config FILE or --base-url URL',
  'usage.tooManyHeaders':
    '{count} headers given (config and --header together): OmniChat sends at most {max}; remove the extra ones',
  'usage.baseUrlNotUrl': '--base-url {url} is not a URL: write it like https://shop.example.com/omnichat',
  'usage.baseUrlProtocol': '--base-url must be an http or https URL, not {protocol}',
  'usage.headerForm': '--header: expected "Name: value", got {given}',
  'usage.headerName': '--header: {given} is not a valid header name: write "Name: value"',
  'usage.headerEmpty': '--header: header {name} has an empty value',
  'usage.headerControl': '--header: header {name} has a line break or NUL in its value',
  'usage.wholeNumber': '{flag} {value} is not a whole number from {min} to {max}',
  'usage.onlyEmpty': '--only is empty: name one or more of {operations}',
  'usage.onlyUnknown': '--only: unknown operation "{name}" (use {operations})',
  'usage.onlyUnknownNear': '--only: unknown operation "{name}": did you mean "{suggestion}"? (use {operations})',
  'usage.callbackPort': '--callback-port {port}: cannot listen on 127.0.0.1:{port} ({why}); pick another port',
  'usage.portInUse': 'the port is in use',
  'usage.proxyNotUrl': '{variable}={value} is not a proxy URL: write it like http://proxy.example.com:3128',
  'usage.proxyScheme':
    '{variable} uses {scheme}://, which verify does not support: use an HTTP proxy (http://host:port), or unset {variable}',
  'usage.caNotFile': '{source} {file} is not a file: give a PEM file of CA certificates',
  'usage.caTooLarge': "{source} {file} is larger than 4 MB: give the CA's certificate (PEM), not a whole store",
  'usage.caUnreadable': '{source} {file}: {why}',
  'usage.caNoPem':
    '{source} {file} holds no PEM certificate (-----BEGIN CERTIFICATE-----): convert a .cer/.der file with "openssl x509 -inform der -in FILE -out ca.pem"',
  'usage.caInvalid': '{source} {file}: certificate {index} of {count} is not a valid X.509 certificate',
  'usage.configUnreadable': '--config {file}: {why}',
  'usage.configNotJson': '--config {file} is not JSON: {where} (the text is not shown: it may hold a header value)',
  'usage.jsonAt': '{reason} at line {line}, column {column}',
  'usage.jsonSyntax': 'a syntax error',
  'usage.configProblem': '{file}: {problem}',
  'usage.configUrl':
    '{file}: "urls.{operation}" is not a valid URL (found {url}): write it like https://shop.example.com/omnichat/products/productsearch',
  'usage.configVariable':
    '{file}: {where} uses ${{name}}, which is not set in the environment: export {name} or write the value',
  'usage.aValue': 'a value',
  'usage.configInvalid': 'is not a valid config',
  'usage.configCa':
    '"ca" must be a file name or a list of file names (PEM CA certificates, relative to the config file)',
  'usage.unknownKeyNear': 'unknown key "{key}": did you mean "{suggestion}"?',
  'usage.unknownKey': 'unknown key "{key}": valid keys here: {known}',
  'usage.missingUrls': `missing key "{key}": set the five URLs (as typed on OmniChat's settings screen)`,
  'usage.missingUrl':
    'missing key "{key}": set the full URL OmniChat calls for {operation} (as typed on OmniChat\'s settings screen)',
  'usage.missingKey': 'missing key "{key}": add it',
  'usage.configHeaders':
    '"{where}" has {count} entries: OmniChat sends at most {max} custom headers; remove the extra ones',
  'usage.configNotHttp':
    '"{where}" is not an http(s) URL (found {url}): write it like https://shop.example.com/omnichat/products/productsearch',
  'usage.configOneOf': '"{where}" must be one of {allowed}',
  'usage.configBlankQuery':
    '"testData.searchQuery" is only spaces: such a term finds everything or nothing, which shows nothing; give a word your products have',
  'usage.configEmpty': '"{where}" must not be empty',
  'usage.configOther': '"{where}" {expected}',
  'usage.serverVariable':
    '{file}: "{where}" uses ${{name}}: a run from the QA console does not read the server\'s environment; type the value itself',
  'usage.serverCa':
    '{file}: "ca" is not read in a run from the QA console (the server reads no files for it); run verify --config with --ca on your own machine instead',
  'usage.serverHeaderName':
    '{file}: "{where}" is not a valid header name: use letters, digits and dashes, e.g. Authorization',
  'usage.serverHeaderValue': '{file}: "{where}" has a line break or NUL: give the value on one line',
  'usage.serverPrivateTarget':
    '{file}: "urls.{operation}" points to {host}, {kind}: a run from the QA console does not reach the network its server sits in; start serve with --verify-allow-private to allow it (for local use)',
  'usage.parser': 'merchant-kit verify: {problem}; run merchant-kit help verify for its flags',
  'usage.unknownOption': "unknown option '{option}'",
  'usage.unknownOptionNear': "unknown option '{option}' (did you mean {suggestion}?)",
  'usage.missingValue': "option '{option}' argument missing",
} as const;
