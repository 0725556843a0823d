/**
 * The columns of the workspace tables the extension queries, as Log Analytics documents them, in
 * the form Microsoft's KQL parser takes ("(Name:type, …)"): with them a raw KQL condition is checked
 * for unknown columns and type errors before it is sent, not only for syntax.
 */
import { type WorkspaceTableName } from './tables';

const SIGN_IN_COMMON = [
  'TenantId:string',
  'TimeGenerated:datetime',
  'OperationName:string',
  'Category:string',
  'ResultType:string',
  'ResultDescription:string',
  'Identity:string',
  'Level:string',
  'Location:string',
  'Id:string',
  'CreatedDateTime:datetime',
  'UserPrincipalName:string',
  'UserDisplayName:string',
  'UserId:string',
  'UserType:string',
  'AppId:string',
  'AppDisplayName:string',
  'IPAddress:string',
  'ClientAppUsed:string',
  'UserAgent:string',
  'CorrelationId:string',
  'ConditionalAccessStatus:string',
  'IsInteractive:bool',
  'ResourceDisplayName:string',
  'ResourceIdentity:string',
  'ResourceTenantId:string',
  'HomeTenantId:string',
  'ServicePrincipalId:string',
  'ServicePrincipalName:string',
  'RiskDetail:string',
  'RiskLevelAggregated:string',
  'RiskLevelDuringSignIn:string',
  'RiskState:string',
  'RiskEventTypes_V2:string',
  'AuthenticationRequirement:string',
  'AuthenticationProtocol:string',
  'UniqueTokenIdentifier:string',
  'CrossTenantAccessType:string',
];

/** SigninLogs keeps its nested columns as dynamic; the other sign-in tables as strings of JSON. */
const nested = (type: 'dynamic' | 'string') => ['Status', 'LocationDetails', 'DeviceDetail', 'ConditionalAccessPolicies'].map((c) => `${c}:${type}`);

export const TABLE_SCHEMAS: Partial<Readonly<Record<WorkspaceTableName, string>>> = {
  SigninLogs: `(${[...SIGN_IN_COMMON, ...nested('dynamic')].join(', ')})`,
  AADNonInteractiveUserSignInLogs: `(${[...SIGN_IN_COMMON, ...nested('string')].join(', ')})`,
  AADServicePrincipalSignInLogs: `(${[...SIGN_IN_COMMON, ...nested('string')].join(', ')})`,
  AADManagedIdentitySignInLogs: `(${[...SIGN_IN_COMMON, ...nested('string')].join(', ')})`,
};
