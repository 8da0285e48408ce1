import type { IncomingMessage } from 'node:http';
import type { HeaderPair } from '../../../common/headers';
import { secretForms, type SecretForm } from '../../../common/secrets';
import type { MockContext } from '../../sandboxes/context';

/** A store's secrets: every form they may be echoed in, and the values they were worked out from. */
interface StoreSecrets {
  forms: SecretForm[];
  /** Header and token values: secretForms depends on the value only, so a request presenting one adds nothing. */
  values: Set<string>;
}

/** Computed once per settings object (a change of settings makes a new one). */
const secretsBySettings = new WeakMap<object, StoreSecrets>();

/**
 * The secrets to mask in what one request leaves behind: the store's configured ones (auth header
 * values, the OmniChat token and the secrets of its URL, the admin token) and whatever the request
 * itself presented in Authorization or a configured auth header (a wrong guess is a secret too).
 * Longest first; an empty list when there is nothing to mask, which costs nothing downstream.
 */
export function requestSecretForms(ctx: MockContext, req: IncomingMessage): SecretForm[] {
  const known = secretsOf(ctx);
  let presented: HeaderPair[] | undefined;
  for (const name of ctx.auth.secretNames) {
    const value = req.headers[name];
    // The configured value (what every authorized request sends) has its forms already: only another adds any.
    if (typeof value === 'string' && value !== '' && !known.values.has(value))
      (presented ??= []).push({ key: name, value });
  }
  if (presented === undefined) return known.forms;
  return [...known.forms, ...secretForms({ headers: presented, urls: {} })].sort((a, b) => b[0].length - a[0].length);
}

function secretsOf(ctx: MockContext): StoreSecrets {
  let secrets = secretsBySettings.get(ctx.settings);
  if (secrets === undefined) {
    const { headers, omnichatToken, omnichatApi } = ctx.settings;
    const pairs = [...headers];
    if (omnichatToken !== undefined) pairs.push({ key: 'authorization', value: omnichatToken });
    if (ctx.adminToken !== undefined) pairs.push({ key: 'authorization', value: ctx.adminToken });
    const forms = secretForms({ headers: pairs, urls: omnichatApi === undefined ? {} : { omnichatApi } });
    secrets = { forms, values: new Set(pairs.map((pair) => pair.value)) };
    secretsBySettings.set(ctx.settings, secrets);
  }
  return secrets;
}
