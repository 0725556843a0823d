/**
 * `npm run emulator -- [--json] [--port N] [--seed N] [--signins N] [--time-scale X] [--faults RATE]
 *  [--latency MS] [--http] [--no-throttle] [--wide-query-seconds-per-day S] [--gateway-timeout S]
 *  [--device-code-interval S] [--anchor-ms MS]`
 * With --json the first stdout line is one JSON object describing the endpoints, tenants, apps and
 * their credentials; it then serves until SIGINT or SIGTERM.
 */
import { startEmulator } from './server';

function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument ${a}`);
    const [key, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) out[key] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}

function num(args: Record<string, string | true>, key: string): number | undefined {
  const v = args[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v === true || !Number.isFinite(n)) throw new Error(`--${key} needs a number`);
  return n;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const known = new Set(['json', 'port', 'seed', 'signins', 'time-scale', 'faults', 'latency', 'http', 'no-throttle', 'wide-query-seconds-per-day', 'gateway-timeout', 'device-code-interval', 'anchor-ms', 'help']);
  for (const k of Object.keys(args)) if (!known.has(k)) throw new Error(`Unknown option --${k}`);
  if (args.help) {
    console.log('Usage: npm run emulator -- [--json] [--port N] [--seed N] [--signins N] [--time-scale X] [--faults RATE] [--latency MS] [--http] [--no-throttle] [--wide-query-seconds-per-day S] [--gateway-timeout S] [--device-code-interval S]');
    return;
  }
  const emulator = await startEmulator({
    port: num(args, 'port'),
    seed: num(args, 'seed'),
    signIns: num(args, 'signins'),
    timeScale: num(args, 'time-scale'),
    faultRate: num(args, 'faults'),
    latencyMs: num(args, 'latency'),
    protocol: args.http ? 'http' : 'https',
    throttling: !args['no-throttle'],
    wideQuerySecondsPerDay: num(args, 'wide-query-seconds-per-day'),
    gatewayTimeoutSeconds: num(args, 'gateway-timeout'),
    deviceCodeIntervalSeconds: num(args, 'device-code-interval'),
    anchorMs: num(args, 'anchor-ms'),
  });
  // Handlers first: a caller may read the first line and signal at once.
  const stop = () => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const info = emulator.info;
  if (args.json) {
    process.stdout.write(JSON.stringify(info) + '\n');
  } else {
    const lines = [
      'Identity Log Explorer fake tenant',
      `  authority host:   ${info.authorityHost}/{tenant}`,
      `  Graph root:       ${info.graphBaseUrl}/v1.0 and /beta`,
      `  Management API:   ${info.manageBaseUrl}/api/v1.0/{tenant}/activity/feed`,
      `  control:          ${info.emulatorControlUrl}`,
      `  device login:     ${info.authorityHost}/devicelogin`,
      info.caCertPath ? `  CA certificate:   ${info.caCertPath}  (NODE_EXTRA_CA_CERTS=${info.caCertPath})` : '  plain HTTP',
      '',
    ];
    for (const t of info.tenants) {
      lines.push(`tenant ${t.domain} (${t.id}) cloud=${t.cloud} license=${t.license}`);
      for (const a of t.apps) {
        lines.push(`  app ${a.clientId}  ${a.displayName}`);
        if (a.secret) lines.push(`      secret:      ${a.secret}`);
        if (a.thumbprintSha256) lines.push(`      certificate: ${a.certificatePemPath} key ${a.privateKeyPemPath} sha256 ${a.thumbprintSha256}`);
        lines.push(`      ${a.publicClient ? 'scopes' : 'roles'}:       ${(a.publicClient ? a.scopes : a.roles).join(', ') || '(none)'}${a.consented ? '' : '  [not consented]'}`);
      }
      for (const u of t.users) lines.push(`  user ${u.userPrincipalName}  ${u.roles.join(', ') || '(no role)'}`);
      lines.push('');
    }
    lines.push('Press Ctrl+C to stop.');
    console.log(lines.join('\n'));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
