/**
 * Build entry only: Microsoft's KQL parser scripts as dist/kusto-runtime.js. The extension's parser
 * facade and the demo tenant's workspace both require that one file, so the 4–5 MB parser ships
 * once and loads only when KQL is first read. The scripts define globals (Bridge.NET's runtime, then
 * Kusto.Language) and break when run twice in a process, so they run only if no copy has yet.
 */
if (!(globalThis as { Kusto?: unknown }).Kusto) {
  // require, not import: these are scripts run for their globals, and only when none are there.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@kusto/language-service-next/bridge.min.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
}
