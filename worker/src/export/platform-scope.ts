import type { ExportRecord } from '../db/exports.ts';
import { platformName, thousands } from './report/format.ts';

/**
 * The only scope a platform pack states. A platform gets the content and the accounts that
 * posted it, never the council's attribution: a case title or "Incidents attributed to <name>"
 * would name a suspect to a third party, so a platform pack's cover, manifest, custody event
 * and file name all use this instead.
 *
 * @example
 * platformScopeTitle('x', 2); // 'Platform report: 2 items on X'
 */
export function platformScopeTitle(platform: string | null, items: number): string {
  return `Platform report: ${thousands(items)} ${items === 1 ? 'item' : 'items'} on ${platformName(platform) ?? 'the platform'}`;
}

/**
 * The scope a pack states in its manifest, custody event and file name. A platform pack's
 * scope is the content itself: a perpetrator or case scope (and its id) would tell the platform
 * whom the council suspects. The export row keeps the real scope, so the council's own
 * records (and the exportId in the custody event) still say which case or person it was for.
 * Worked out again at download, so an export recorded before this rule also goes out neutral.
 */
export function packScope(record: Pick<ExportRecord, 'variant' | 'platform' | 'scope' | 'itemIds'>): ExportRecord['scope'] {
  if (record.variant === 'police') return record.scope;
  return { kind: 'selection', id: null, title: platformScopeTitle(record.platform, record.itemIds.length) };
}
