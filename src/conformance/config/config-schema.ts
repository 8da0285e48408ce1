import { SEARCH_TYPES } from '../../contracts';

/**
 * The JSON Schema (2020-12) of the merchant config `merchant-kit verify --config` reads. It mirrors
 * OmniChat's settings screen for a custom integration, plus the runner's own testData and timeoutMs.
 */
export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'merchant-kit-verify-config.schema.json',
  title: 'merchant-kit verify config',
  type: 'object',
  additionalProperties: false,
  required: ['urls'],
  properties: {
    $schema: { type: 'string' },
    displayName: { type: 'string', description: "Nome de Exibição on OmniChat's settings screen." },
    platformName: { type: 'string', description: 'The e-commerce or ERP behind the integration.' },
    checkout: {
      enum: ['omni', 'own'],
      description: 'Checkout Omni or Checkout Próprio: decides which callback is expected.',
    },
    teams: { type: 'array', items: { type: 'string' }, description: 'OmniChat teams the integration serves.' },
    allowFreightChange: { type: 'boolean', description: 'Whether sellers may change freight data in the order.' },
    urls: {
      type: 'object',
      additionalProperties: false,
      required: ['productSearch', 'orderValidation', 'orderCreation', 'orderCancellation', 'statusNotification'],
      properties: {
        productSearch: { $ref: '#/$defs/url' },
        orderValidation: { $ref: '#/$defs/url' },
        orderCreation: { $ref: '#/$defs/url' },
        orderCancellation: { $ref: '#/$defs/url' },
        statusNotification: { $ref: '#/$defs/url' },
      },
    },
    headers: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'value'],
        properties: { key: { type: 'string', minLength: 1 }, value: { type: 'string', minLength: 1 } },
      },
    },
    testData: {
      type: 'object',
      additionalProperties: false,
      properties: {
        searchQuery: { type: 'string', minLength: 1, description: 'A TEXT search term that finds products in stock.' },
      },
    },
    capabilities: {
      type: 'object',
      additionalProperties: false,
      properties: {
        searchTypes: {
          type: 'array',
          uniqueItems: true,
          items: { enum: [...SEARCH_TYPES] },
        },
      },
    },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 60000 },
    exploreCalls: {
      type: 'integer',
      minimum: 0,
      maximum: 2000,
      description: "The explorer's call budget, as --explore-calls (default 36; 0 turns the explorer off).",
    },
    ca: {
      description: 'PEM file(s) of CA certificates to trust besides the usual ones, relative to this file.',
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      ],
    },
  },
  $defs: {
    url: { type: 'string', pattern: '^https?://[^\\s/?#]+[^\\s]*$' },
  },
} as const;
