/**
 * The `metrics` attribute's size cap, zod-free so page code can read it without carrying zod:
 * far above a real answer (92 days and 10 questions are about 30 KB).
 */
export const METRICS_MAX = 256 * 1024;

/** The setup check's `report` cap: 12 rows of at most about 4 KB of words each. */
export const SETUP_REPORT_MAX = 64 * 1024;
