/**
 * The Admin web methods the sandbox serves (velo/backend/sitegpt-admin.web.ts), each with the
 * schema of its arguments, like web-method-table.ts for the members' ones. The route admits
 * them only for the site owner's admin session, as Wix's `Permissions.Admin` does.
 */
import * as z from 'zod/mini';
import { ChatMetricsArgsSchema } from '../contract/metrics.js';
import type { AdminKit } from '../velo/backend/admin-kit.js';

export type ParsedAdminCall = { ok: true; run: (kit: AdminKit) => Promise<unknown> } | { ok: false; error: string };

export interface AdminWebMethod {
  parse(args: unknown[]): ParsedAdminCall;
}

const ADMIN_WEB_METHODS: Readonly<Record<string, AdminWebMethod>> = {
  getChatMetrics: {
    parse(args) {
      const parsed = z.tuple([ChatMetricsArgsSchema]).safeParse(args);
      if (!parsed.success) return { ok: false, error: 'getChatMetrics takes [{from, to}]: ms since the epoch or ISO 8601 dates' };
      return { ok: true, run: (kit) => kit.getChatMetrics(parsed.data[0]) };
    },
  },
  checkSetup: {
    parse(args) {
      if (args.length > 0) return { ok: false, error: 'checkSetup takes no argument' };
      return { ok: true, run: (kit) => kit.checkSetup() };
    },
  },
};

export function findAdminWebMethod(name: string): AdminWebMethod | undefined {
  return Object.hasOwn(ADMIN_WEB_METHODS, name) ? ADMIN_WEB_METHODS[name] : undefined;
}
