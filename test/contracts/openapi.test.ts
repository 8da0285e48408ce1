import {
  CALLBACK_IDS,
  CALLBACK_SCHEMA_STEMS,
  OPERATIONS,
  OPERATION_IDS,
  findUnknowns,
  openApiDocument,
  validate,
  validateAgainst,
  type OperationId,
} from '../../src/contracts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test walks the parsed document freely
type Json = Record<string, any>;
const doc = openApiDocument() as Json;

/** Follows a local '#/components/...' reference inside the document. */
function local(node: Json): Json {
  if (typeof node?.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((at: Json, key: string) => at[key], doc);
}

function operation(id: OperationId): Json {
  const info = OPERATIONS[id];
  return doc.paths[`/v1${info.path}`][info.method.toLowerCase()];
}

describe('contracts/openapi.yaml', () => {
  it('is OpenAPI 3.1 with exactly the five operations on the mock default paths', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ids = Object.values(doc.paths as Json).flatMap((item: Json) =>
      Object.values(item).map((op: Json) => op.operationId),
    );
    expect(ids.sort()).toEqual([...OPERATION_IDS].sort());
    for (const id of OPERATION_IDS) expect(operation(id).operationId).toBe(id);
  });

  it.each(OPERATION_IDS)('%s declares 200, 400 and 401 answers (and 404 for an unknown order to cancel)', (id) => {
    const statuses = id === 'orderCancellation' ? ['200', '400', '401', '404'] : ['200', '400', '401'];
    expect(Object.keys(operation(id).responses).sort()).toEqual(statuses);
  });

  // Specmatic (and other example-driven tools) use a named request example only when a response
  // example of the same name says what it should get back; an unpaired one is silently ignored.
  it.each(OPERATION_IDS.filter((id) => id !== 'productSearch'))(
    '%s pairs every named request example with a response example of the same name',
    (id) => {
      const op = operation(id);
      const requestNames = Object.keys(op.requestBody.content['application/json'].examples as Json).sort();
      const responseNames = Object.values(op.responses as Json)
        .map((response) => local(response).content ?? {})
        .flatMap((content: Json) => Object.values(content).flatMap((media: Json) => Object.keys(media.examples ?? {})))
        .sort();
      expect(responseNames).toEqual(requestNames);
    },
  );

  it.each(OPERATION_IDS)('%s takes its schemas from contracts/schemas', (id) => {
    const op = operation(id);
    const ok = local(op.responses['200']);
    expect(ok.content['application/json'].schema.$ref).toMatch(/^\.\/schemas\/.+\.schema\.json$/);
    if (id !== 'productSearch')
      expect(op.requestBody.content['application/json'].schema.$ref).toMatch(
        /^\.\/schemas\/.+\.request\.schema\.json$/,
      );
  });

  it('lists the eight documented productSearch query parameters', () => {
    expect(
      operation('productSearch')
        .parameters.map((p: Json) => p.name)
        .sort(),
    ).toEqual(['from', 'integrationId', 'query', 'searchType', 'size', 'teamId', 'userEmail', 'userId']);
  });

  const responseExamples = OPERATION_IDS.flatMap((id) => {
    const content = local(operation(id).responses['200']).content['application/json'];
    const named = Object.entries((content.examples ?? {}) as Json).map(
      ([name, ex]) => [id, name, local(ex).value] as const,
    );
    return content.example !== undefined ? [...named, [id, 'example', content.example] as const] : named;
  });
  // Unknown properties are allowed by the contract, so only this catches a misspelt key or a YAML
  // flow mapping split at a comma (`{description: a, b}` adds a key "b").
  it.each(responseExamples)('%s 200 example %s passes our validator and uses only known fields', (id, _name, value) => {
    expect(validate(id, 'response', value)).toEqual([]);
    expect(findUnknowns(id, 'response', value)).toMatchObject({ properties: [], values: [] });
  });

  const requestExamples = OPERATION_IDS.filter((id) => id !== 'productSearch').flatMap((id) =>
    Object.entries(operation(id).requestBody.content['application/json'].examples as Json).map(
      ([name, ex]) => [id, name, local(ex).value] as const,
    ),
  );
  it.each(requestExamples)(
    '%s request example %s passes our validator and uses only known fields',
    (id, _name, value) => {
      expect(validate(id, 'request', value)).toEqual([]);
      expect(findUnknowns(id, 'request', value)).toMatchObject({ properties: [], values: [] });
    },
  );

  it('describes each query parameter with the schema of its query-string property', () => {
    for (const parameter of operation('productSearch').parameters as Json[]) {
      expect(Object.keys(parameter).sort()).toEqual(['description', 'example', 'in', 'name', 'schema']);
      expect(parameter.schema.$ref).toBe(`./schemas/product-search.query.schema.json#/properties/${parameter.name}`);
      expect(parameter.description).toMatch(/\.$/);
    }
  });

  it.each(CALLBACK_IDS)('describes the %s callback as a webhook with its schema and valid examples', (id) => {
    const post = doc.webhooks[id].post as Json;
    const media = post.requestBody.content['application/json'];
    expect(media.schema.$ref).toBe(`./schemas/${CALLBACK_SCHEMA_STEMS[id]}.request.schema.json`);
    expect(post.security).toEqual([{ omnichatApiSecret: [] }]);
    for (const example of Object.values(media.examples as Json)) {
      expect(validate(id, 'request', example.value)).toEqual([]);
      expect(findUnknowns(id, 'request', example.value)).toMatchObject({ properties: [], values: [] });
    }
  });

  it('the 404 example of orderCancellation is a valid problem document', () => {
    const media = operation('orderCancellation').responses['404'].content['application/problem+json'];
    expect(validateAgainst('problem.schema.json', media.examples.unknownOrder.value)).toEqual([]);
  });

  it.each(['BadRequest', 'Unauthorized'])('the %s example is a valid problem document', (name) => {
    expect(
      validateAgainst(
        'problem.schema.json',
        doc.components.responses[name].content['application/problem+json'].example,
      ),
    ).toEqual([]);
  });
});
