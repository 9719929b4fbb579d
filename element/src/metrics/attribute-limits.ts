/**
 * The `metrics` attribute's size cap, zod-free so page code can read it without carrying zod:
 * far above a real answer (92 days and 10 questions are about 30 KB).
 */
export const METRICS_MAX = 256 * 1024;
