/** IMAP keywords the filter sets. They travel with the message on MOVE. */
export const SCANNED = '$WardguardScanned';
export const QUARANTINED = '$WardguardQuarantined';
export const RELEASED = '$WardguardReleased';
export const KEPT = '$WardguardKept';
export const THREAT = '$Threat';
export const FLAGGED = '\\Flagged';
/** The Worker refused to record this message (too large, invalid…): it stays in the inbox. */
export const REFUSED = '$WardguardRefused';
