// Works around modernweb-dev/web#2967: a failing assertion whose actual/expected is a DOM node,
// window or function makes the browser side throw DataCloneError, and the test file then hangs
// until testsFinishTimeout with no message. This swaps structuredClone for a tolerant copy.
export function safeClonePlugin() {
  return {
    name: 'safe-structured-clone',
    transform(context) {
      if (context.path !== '/__web-dev-server__web-socket.js') return;
      const needle = 'var target = structuredClone(obj)';
      if (!context.body.includes(needle)) return;
      const helper = `function __safeClone(v, seen = new WeakMap()) {
  try { return structuredClone(v); } catch {}
  if (v === null || typeof v !== 'object') return typeof v === 'function' ? '[Function ' + (v.name || 'anonymous') + ']' : String(v);
  if (typeof Node !== 'undefined' && v instanceof Node) return v.outerHTML ?? v.nodeName;
  if (seen.has(v)) return seen.get(v);
  const out = Array.isArray(v) ? [] : {}; seen.set(v, out);
  for (const k of Object.keys(v)) out[k] = __safeClone(v[k], seen);
  if (v instanceof Error) { out.name = v.name; out.message = v.message; out.stack = v.stack; }
  return out;
}\n`;
      return { body: helper + context.body.replace(needle, 'var target = __safeClone(obj)') };
    },
  };
}
