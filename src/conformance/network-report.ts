import path from 'node:path';
import { maskUrl } from '../common/secrets';
import type { RunConfig } from './config/run-config';
import { proxyFor } from './http/proxy-env';
import type { NetworkReport } from './types';
import type { T } from './i18n';

/** How this run reaches the merchant, for the report: --insecure, the extra CA files, the proxies used. */
export function networkReport(config: RunConfig): NetworkReport {
  const network = config.network;
  if (!network) return { insecure: false, caFiles: [], proxies: [] };
  const proxies = new Map<string, { url: string; from: string }>();
  for (const operation of config.only) {
    const proxy = proxyFor(new URL(config.urls[operation]), network.proxy);
    if (proxy) proxies.set(`${proxy.from} ${proxy.url}`, { url: maskUrl(proxy.url), from: proxy.from });
  }
  return {
    insecure: network.insecure,
    caFiles: network.ca.map(({ file }) => path.relative(process.cwd(), file) || file),
    proxies: [...proxies.values()],
  };
}

/** The sentence every report states when certificates were not checked, or undefined. */
export function networkCaveat(t: T, report: { network?: NetworkReport }): string | undefined {
  return report.network?.insecure ? t('tls.insecureCaveat') : undefined;
}
