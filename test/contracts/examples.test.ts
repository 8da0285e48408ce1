import {
  CALLBACK_IDS,
  OPERATION_IDS,
  validate,
  validateSearchQuery,
  type CallbackId,
  type OperationId,
} from '../../src/contracts';
import { exampleFiles } from '../support/examples';

const examples = exampleFiles();

describe('fixtures/examples', () => {
  it('holds a request and a response example for each of the five operations, and a request for each callback', () => {
    for (const operation of OPERATION_IDS) {
      expect(examples.filter((e) => e.operation === operation && e.kind === 'request').length).toBeGreaterThan(0);
      expect(examples.filter((e) => e.operation === operation && e.kind === 'response').length).toBeGreaterThan(0);
    }
    for (const callback of CALLBACK_IDS) {
      expect(examples.filter((e) => e.operation === callback && e.kind === 'request').length).toBeGreaterThan(0);
    }
  });

  it.each(examples.map((e) => [`${e.operation} ${e.kind} ${e.name}`, e] as const))(
    '%s validates against its contract',
    (_label, example) => {
      const operation = example.operation as OperationId | CallbackId;
      const violations =
        operation === 'productSearch' && example.kind === 'request'
          ? validateSearchQuery(example.value as Record<string, unknown>).violations
          : validate(operation, example.kind, example.value);
      expect(violations).toEqual([]);
    },
  );
});
