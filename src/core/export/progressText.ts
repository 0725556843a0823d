/** Export progress in words, the same in the notification and the results panel. */
import { type ExportProgress } from './runExport';

export function durationText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${Math.max(1, s)} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

export function exportProgressText(p: ExportProgress): string {
  const parts = [`${p.rows.toLocaleString('en-US')} rows`];
  if (p.windowsTotal > 1) parts.push(`${p.windowsDone} of ${p.windowsTotal} days done`);
  if (p.blobs && p.blobs.listed > 0) parts.push(`blob ${p.blobs.done} of ${p.blobs.listed} in this day`);
  if (p.reachedMs !== undefined) parts.push(`back to ${new Date(p.reachedMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  if (p.throttled > 0) parts.push(`throttled ${p.throttled}× (waiting as the service asks)`);
  if (p.retries > 0) parts.push(`${p.retries} retries`);
  if (p.etaMs !== undefined) parts.push(`about ${durationText(p.etaMs)} left`);
  return parts.join(' · ');
}
