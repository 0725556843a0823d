/**
 * "Follow the Demo's Attack Story": the demo tenant's seeded story (a password spray, MFA fatigue,
 * a device-code phish, a risky admin), each beat opened where it is best seen: a user's timeline,
 * or the sign-ins from the attacker's network. From the palette, the demo tenant's first line in
 * the tree, the walkthrough, or `{ beat }`.
 */
import * as vscode from 'vscode';
import { relatedModel } from '../../../core/detail/pivots';
import { type DemoStory, type DemoTenant } from '../../demo/demoTenant';
import { type TenantStore } from '../../tenants/tenantStore';
import { defineCommand } from '../command';

const HOUR = 3_600_000;
export const STORY_BEATS = ['phish', 'fatigue', 'spray', 'admin'] as const;
export type StoryBeat = (typeof STORY_BEATS)[number];

interface Beat {
  readonly label: string;
  readonly detail: string;
  /** Hours before the data's "now" that the beat reaches back to. */
  readonly hoursBack: number;
}

function beats(story: DemoStory): Readonly<Record<StoryBeat, Beat>> {
  return {
    phish: { label: `$(warning) Device-code phish: ${story.phishVictim.userPrincipalName}`, detail: 'About 4 hours before: a device code entered at home, then the session’s refresh token redeemed on another continent. Opens their timeline.', hoursBack: 8 },
    fatigue: { label: `$(bell) MFA fatigue: ${story.fatigueVictim.userPrincipalName}`, detail: 'About 9 hours before: push after push denied (500121) from one foreign address, until one was approved. Opens their timeline.', hoursBack: 14 },
    spray: { label: `$(flame) Password spray from AS${story.sprayAsn}`, detail: `About 30 hours before: three rounds against a dozen users, two lockouts, and ${story.sprayVictim.userPrincipalName} fell. Opens the sign-ins from that network.`, hoursBack: 36 },
    admin: { label: `$(shield) A risky admin: ${story.admin.userPrincipalName}`, detail: 'Made Global Administrator days before; about 2 hours before, a risky sign-in and two changes from an unfamiliar address. Opens their timeline of 7 days.', hoursBack: 24 * 7 },
  };
}

interface Target {
  readonly beat: StoryBeat | undefined;
}

export function showStoryCommand(store: TenantStore, demo: DemoTenant) {
  return defineCommand({
    id: 'identityLogs.demo.showStory',
    args: ([arg]: readonly unknown[]): Target => {
      const beat = (typeof arg === 'object' && arg !== null ? (arg as { beat?: unknown }).beat : undefined) as StoryBeat | undefined;
      return { beat: STORY_BEATS.includes(beat as StoryBeat) ? beat : undefined };
    },
    run: async ({ beat }: Target, { prompter }): Promise<unknown> => {
      let tenant = store.list().find((t) => t.target === 'demo');
      if (!tenant) {
        const add = await prompter.confirm({ message: 'The attack story is in the demo tenant. Add it?', detail: 'A built-in fake tenant on this machine, with a week of realistic sign-ins, audits and risk, and this story in them.', action: 'Add Demo Tenant' });
        if (!add) return undefined;
        await vscode.commands.executeCommand('identityLogs.addDemoTenant');
        tenant = store.list().find((t) => t.target === 'demo');
        if (!tenant) return undefined;
      }
      const story = await demo.story();
      if (!story) throw new Error('The demo tenant has no seeded story: run Reset Demo Tenant to start it afresh.');
      const all = beats(story);
      const chosen = beat ?? (await prompter.pick(STORY_BEATS.map((b) => ({ label: all[b].label, detail: all[b].detail, beat: b })), { placeHolder: 'What happened in Contoso: pick a part of the story to open' }))?.beat;
      if (!chosen) return undefined;
      // The story happened in the hours before the data's "now", which stays put until Reset.
      const sinceAnchor = Math.max(0, Date.now() - story.anchorMs);
      const hours = Math.min(720, Math.ceil((sinceAnchor + all[chosen].hoursBack * HOUR) / HOUR));
      if (chosen === 'spray') {
        const model = relatedModel({ label: all.spray.label, category: 'signIns.interactive', clauses: [], client: [{ kind: 'field', column: 'autonomousSystemNumber', label: 'ASN', values: [String(story.sprayAsn)] }], hours });
        return vscode.commands.executeCommand('identityLogs.runQuery', { tenantKey: tenant.key, category: 'signIns.interactive', model, pivot: true });
      }
      const user = chosen === 'phish' ? story.phishVictim : chosen === 'fatigue' ? story.fatigueVictim : story.admin;
      return vscode.commands.executeCommand('identityLogs.investigateUser', { tenantKey: tenant.key, userId: user.id, label: user.userPrincipalName, hours });
    },
  });
}
