/**
 * The look both detail apps share (sign-in, and audit/risk/provisioning/Office 365 records): page,
 * header, field lists (detail-fields) with their copy buttons, badges, links and tables. Each app adds
 * only what is its own.
 */
import { css } from 'lit';

export const detailStyles = css`
  :host { display: block; padding: 14px 20px 40px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); max-width: 1200px; }
  header { display: flex; flex-direction: column; gap: 6px; padding-bottom: 12px; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
  h1 { margin: 0; font-size: 1.35em; font-weight: 600; overflow-wrap: anywhere; unicode-bidi: isolate; }
  h2 { font-size: 1.05em; margin: 22px 0 8px; font-weight: 600; }
  .row { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
  .muted { color: var(--vscode-descriptionForeground); }
  .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 0.9em; border: 1px solid var(--vscode-descriptionForeground); white-space: nowrap; }
  .badge.success { background: color-mix(in srgb, var(--vscode-testing-iconPassed, #73c991) 10%, transparent); color: var(--ile-success); border-color: var(--ile-success); }
  .badge.failure { background: color-mix(in srgb, var(--vscode-errorForeground) 10%, transparent); color: var(--ile-error); border-color: var(--ile-error); }
  .badge.interrupted, .badge.reportOnly, .badge.warning { background: color-mix(in srgb, var(--vscode-editorWarning-foreground, #cca700) 10%, transparent); color: var(--ile-warning); border-color: var(--ile-warning); }
  .badge.neutral { border-color: var(--vscode-descriptionForeground); color: var(--vscode-descriptionForeground); }
  detail-fields, detail-document-actions { display: block; }
  dl { display: grid; grid-template-columns: var(--ile-label-width, 170px) 1fr; gap: 4px 12px; margin: 0; }
  dt { color: var(--vscode-descriptionForeground); }
  dd { margin: 0; display: flex; gap: 6px; align-items: baseline; min-width: 0; }
  dd span.value { overflow-wrap: anywhere; unicode-bidi: isolate; }
  button.copy { background: none; border: 1px solid var(--vscode-button-secondaryBackground, #8886); color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; font-size: 0.85em; padding: 0 6px; border-radius: 3px; }
  button.copy:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  /* VS Code's webview link colours reach the document, not a shadow root: without these the
     browser's default dark blue is unreadable in dark themes. */
  a { color: var(--vscode-textLink-foreground); }
  a:hover, a:focus { color: var(--vscode-textLink-activeForeground); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--vscode-panel-border, #8883); vertical-align: top; overflow-wrap: anywhere; unicode-bidi: isolate; }
  th { color: var(--vscode-descriptionForeground); font-weight: 600; overflow-wrap: normal; } /* our own words: never split inside one */
  /* Cells may wrap anywhere (log values can be one long token), which lets a table squeeze a
     column to one character; these keep every column, and most of all the first, readable. */
  th, td { min-width: 4em; }
  th:first-child, td:first-child { min-width: 10em; }
  tr.failure td:first-child { border-left: 3px solid var(--vscode-errorForeground); }
`;
