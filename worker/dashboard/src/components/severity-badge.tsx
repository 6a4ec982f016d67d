import { SEVERITY_LABEL } from '../lib/format.ts';
import type { Severity } from '../lib/types.ts';

export const SeverityBadge = ({ severity }: { severity: Severity }) => <span class={`badge sev-${severity}`}>{SEVERITY_LABEL[severity]}</span>;
