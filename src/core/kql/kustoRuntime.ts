/**
 * Build entry only: Microsoft's KQL parser scripts, run once, as dist/kusto-runtime.js. The
 * extension's parser facade and the demo tenant's workspace both require that one file, so the
 * 4–5 MB parser ships once and loads only when KQL is first read.
 */
import '@kusto/language-service-next/bridge.min.js';
import '@kusto/language-service-next/Kusto.Language.Bridge.min.js';
