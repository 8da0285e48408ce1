import { OPERATION_IDS, type OperationId } from '../../contracts';
import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { bodyPreview, primaryBody, type Exchange } from '../exchange';
import { fail, notJudged, pass, warn } from '../outcome';

/** productSearch and orderValidation must answer with a body; the other three may answer with none. */
export const BODY_REQUIRED: readonly OperationId[] = ['productSearch', 'orderValidation'];

function contentType(ex: Exchange): string {
  return ex.answer.ok ? (ex.answer.value.headers['content-type'] ?? '') : '';
}

/** The answer's content coding when it is one (gzip, br, ...): verify asks for none, so it reads the bytes as they came. */
function contentEncoding(ex: Exchange): string | undefined {
  const encoding = ex.answer.ok ? ex.answer.value.headers['content-encoding']?.trim() : undefined;
  return encoding && !/^identity$/i.test(encoding) ? encoding.slice(0, 40) : undefined;
}

const isJsonType = (type: string): boolean => /^application\/([\w.+-]+\+)?json\b/i.test(type);

/** The answer's body is JSON where OmniChat reads one. */
export const jsonBody: Check = {
  id: 'json-body',
  operations: OPERATION_IDS,
  ...englishTexts('json-body'),
  run(ctx, operation, primary) {
    const t = ctx.t;
    const body = primaryBody(t, primary, operation);
    if (!body.ok) return notJudged(body, primary);
    const type = contentType(primary);
    const required = BODY_REQUIRED.includes(operation);
    if (primary.jsonError !== undefined) {
      if (!required && !isJsonType(type)) return pass(t('json-body.ignored', { type: type || t('json-body.noType') }));
      // A compressed body read as text is binary: say why, rather than quote a JSON parser's complaint.
      const encoding = contentEncoding(primary);
      const finding = encoding
        ? t('json-body.compressed', { encoding })
        : t('json-body.notJson', { error: primary.jsonError });
      return fail(finding, {
        received: bodyPreview(t, primary),
        expected: t('json-body.aJsonBody'),
        exchange: primary,
      });
    }
    if (!primary.json) {
      if (required)
        return fail(t('json-body.empty'), {
          received: bodyPreview(t, primary),
          expected: t('json-body.aJsonArray'),
          exchange: primary,
        });
      return pass(t('json-body.noBody'));
    }
    if (!isJsonType(type)) {
      return warn(t('json-body.wrongType', { type: type ? JSON.stringify(type) : t('json-body.typeMissing') }), {
        received: type || t('json-body.noType'),
        expected: 'application/json',
        exchange: primary,
      });
    }
    return pass(t('json-body.ok'));
  },
};
