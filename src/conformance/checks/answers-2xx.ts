import { OPERATION_IDS } from '../../contracts';
import type { Check } from '../check';
import { bodyPreview, describeAnswer, isSuccess } from '../exchange';
import { maskUrl } from '../../common/secrets';
import { couldNotCheck, fail, pass } from '../outcome';

/** Every operation answers OmniChat's call with a 2xx, at the configured URL itself. */
export const answers2xx: Check = {
  id: 'answers-2xx',
  operations: OPERATION_IDS,
  what: 'the first request gets a 2xx answer at the configured URL (no redirect)',
  why: 'OmniChat counts any other status as a failed call; a redirect is not an answer (and would carry your auth headers elsewhere)',
  fix: "serve the operation at exactly the configured URL and answer 2xx (no redirect); check the path, the method and the server's logs",
  run(ctx, _operation, primary) {
    if (!primary.answer.ok) return couldNotCheck(primary.answer.reason, primary);
    if (isSuccess(primary)) return pass(`answered ${describeAnswer(primary)}`);
    const { status, headers } = primary.answer.value;
    if (status >= 300 && status < 400) {
      const location = headers.location
        ? maskUrl(new URL(headers.location, primary.request.url).toString())
        : 'no Location header';
      const elsewhere =
        headers.location &&
        new URL(headers.location, primary.request.url).origin !== new URL(primary.request.url).origin;
      return fail(
        `redirected instead of answering: OmniChat calls exactly the configured URL and does not follow redirects; configure the final URL${elsewhere ? ' (it points to another origin, where your auth headers would not be sent)' : ''}`,
        {
          received: `HTTP ${status} to ${location}`,
          expected: '2xx from the configured URL',
          exchange: primary,
        },
      );
    }
    const refused = status === 401 || status === 403;
    if (refused && ctx.config.headers.length > 0)
      return {
        ...fail(`answered HTTP ${status} to the configured headers`, {
          received: bodyPreview(primary),
          expected: '2xx',
          exchange: primary,
        }),
        fix: "check the header values given with --header or in the config's headers: OmniChat sends exactly those, and the merchant refused them",
      };
    if (refused)
      return {
        ...fail(`answered HTTP ${status} to a request without custom headers`, {
          received: bodyPreview(primary),
          expected: '2xx',
          exchange: primary,
        }),
        fix: 'give the headers the merchant requires with --header "Name: value" (or in the config\'s headers), as they will be on OmniChat\'s settings screen',
      };
    return fail(`answered HTTP ${status}`, { received: bodyPreview(primary), expected: '2xx', exchange: primary });
  },
};
