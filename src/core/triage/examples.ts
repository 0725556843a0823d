/** Example triage queries from the Graph documentation (API-FACTS 1), as ready filters. */
import { type FilterModel } from '../odata/model';

export interface TriageExample {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly category: 'riskyUsers' | 'riskDetections';
  readonly endpoint: string;
  readonly filterText: string;
  readonly model: FilterModel;
}

export const TRIAGE_EXAMPLES: readonly TriageExample[] = [
  {
    id: 'passedMfaRiskPolicy',
    label: 'Users who passed MFA under a risk-based policy',
    description: 'Risky users whose risk was remediated because they completed MFA required by a risk-based Conditional Access policy.',
    category: 'riskyUsers',
    endpoint: '/identityProtection/riskyUsers',
    filterText: "riskDetail eq 'userPassedMFADrivenByRiskBasedPolicy'",
    model: { time: { kind: 'all' }, clauses: [{ field: 'riskDetail', op: 'eq', values: ['userPassedMFADrivenByRiskBasedPolicy'] }], client: [] },
  },
  {
    id: 'offlineDetections',
    label: 'Offline risk detections',
    description: 'Risk detections computed after the sign-in (for example leaked credentials or threat intelligence), not in real time.',
    category: 'riskDetections',
    endpoint: '/identityProtection/riskDetections',
    filterText: "detectionTimingType eq 'offline'",
    model: { time: { kind: 'all' }, clauses: [{ field: 'detectionTimingType', op: 'eq', values: ['offline'] }], client: [] },
  },
];
