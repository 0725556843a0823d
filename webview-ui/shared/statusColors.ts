/**
 * Status colours for text, shared by every webview. VS Code has no theme colour for "success text":
 * the icon colours (testing-iconPassed, editorWarning-foreground) are meant for glyphs and reach
 * only 2–3:1 on a light background. Mixed toward the theme's own foreground they keep their hue
 * and reach WCAG AA (4.5:1) for text in the light, dark and high-contrast themes (measured by the
 * results e2e test).
 */
import { css } from 'lit';

export const statusColors = css`
  :host {
    --ile-success: color-mix(in srgb, var(--vscode-testing-iconPassed, #388a34) 75%, var(--vscode-foreground));
    --ile-warning: color-mix(in srgb, var(--vscode-editorWarning-foreground, #bf8803) 75%, var(--vscode-foreground));
    --ile-error: color-mix(in srgb, var(--vscode-errorForeground) 80%, var(--vscode-foreground));
  }
  /* Light themes give the icon colours little contrast on white (#73c991 is 2:1): lean further on
     the foreground there. VS Code marks the webview body with the theme's kind. */
  :host-context(body.vscode-light) {
    --ile-success: color-mix(in srgb, var(--vscode-testing-iconPassed, #388a34) 35%, var(--vscode-foreground));
    --ile-warning: color-mix(in srgb, var(--vscode-editorWarning-foreground, #bf8803) 45%, var(--vscode-foreground));
    --ile-error: color-mix(in srgb, var(--vscode-errorForeground) 70%, var(--vscode-foreground));
  }
`;
