/** Measuring text contrast (WCAG 2) of our webviews' CSS in the live theme. */
import { type Locator } from 'playwright-core';

/** sRGB channels 0–1 from a computed colour: rgb(), rgba() or color(srgb …) (what color-mix gives). */
export function parseColour(text: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})/i.exec(text);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16) / 255) as [number, number, number];
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(text);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3])];
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(text);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
  throw new Error(`Unreadable colour: ${text}`);
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const lum = (c: [number, number, number]) => {
    const [r, g, bl] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}



/** Contrast ratio of two computed colours. */
export function contrastOf(foreground: string, background: string): number {
  return contrast(parseColour(foreground), parseColour(background));
}

/**
 * The computed text colour of probe elements with the given classes, placed in a Lit app's shadow
 * root (so its own rules apply), and the theme's editor background.
 */
export async function probeColours(app: Locator, classNames: readonly string[]): Promise<Record<string, string>> {
  return app.evaluate((el: unknown, classes: readonly string[]) => {
    // Typed by hand: the tests compile without the DOM library.
    type Probe = { className: string; textContent: string | null; remove(): void };
    const host = el as { shadowRoot: { appendChild(n: Probe): void }; ownerDocument: { createElement(tag: string): Probe; documentElement: unknown; defaultView: { getComputedStyle(e: unknown): { color: string; getPropertyValue(p: string): string } } } };
    const doc = host.ownerDocument;
    const style = (e: unknown) => doc.defaultView.getComputedStyle(e);
    const out: Record<string, string> = {};
    for (const cls of classes) {
      const probe = doc.createElement('span');
      probe.className = cls;
      probe.textContent = cls;
      host.shadowRoot.appendChild(probe);
      out[cls] = style(probe).color;
      probe.remove();
    }
    out.background = style(doc.documentElement).getPropertyValue('--vscode-editor-background').trim();
    return out;
  }, classNames);
}

/** The alpha of a computed colour (1 when it has none). */
function alphaOf(text: string): number {
  const a = /\/\s*([\d.]+)\s*\)/.exec(text) ?? /rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)\)/.exec(text);
  return a ? Number(a[1]) : 1;
}

/** A translucent colour laid over an opaque one (each channel mixed by the top one's alpha). */
function over(top: string, bottom: [number, number, number]): [number, number, number] {
  const a = alphaOf(top);
  const c = parseColour(top);
  return [0, 1, 2].map((i) => c[i] * a + bottom[i] * (1 - a)) as [number, number, number];
}

const css = (c: [number, number, number]) => `rgb(${c.map((v) => Math.round(v * 255)).join(', ')})`;

/**
 * The contrast of an element's text on what is behind it: its computed colour against its own and
 * its ancestors' backgrounds (across shadow roots), translucent ones (a badge's tint) laid over the
 * first opaque one, or, in a webview whose page is transparent, over the theme's editor background.
 */
export async function elementContrast(el: Locator): Promise<{ readonly ratio: number; readonly foreground: string; readonly background: string }> {
  const { foreground, layers, editor } = await el.evaluate((node: unknown) => {
    // Typed by hand: the tests compile without the DOM library.
    type Style = { color: string; backgroundColor: string; getPropertyValue(p: string): string };
    type El = { parentElement: El | null; getRootNode(): { host?: El }; ownerDocument: { documentElement: El; defaultView: { getComputedStyle(e: El): Style } } };
    const start = node as El;
    const style = (e: El) => start.ownerDocument.defaultView.getComputedStyle(e);
    const transparent = (c: string) => c === 'transparent' || /rgba\(\d+,\s*\d+,\s*\d+,\s*0\)/.test(c) || /\/\s*0\)$/.test(c);
    const opaque = (c: string) => !/rgba\(|\/\s*[\d.]+\)$/.test(c) || /\/\s*1\)$/.test(c);
    // Backgrounds from the element outwards, down to the first opaque one.
    const found: string[] = [];
    for (let e: El | null | undefined = start; e; e = e.parentElement ?? e.getRootNode().host) {
      const c = style(e).backgroundColor;
      if (transparent(c)) continue;
      found.push(c);
      if (opaque(c)) break;
    }
    // A webview's page is transparent over the editor: its background is the theme's editor background.
    return { foreground: style(start).color, layers: found, editor: style(start.ownerDocument.documentElement).getPropertyValue('--vscode-editor-background').trim() || 'rgb(255, 255, 255)' };
  });
  const last = layers.at(-1);
  const base = last && alphaOf(last) === 1 ? layers.pop()! : editor;
  const background = layers.reduceRight<[number, number, number]>((below, layer) => over(layer, below), parseColour(base));
  return { ratio: contrast(parseColour(foreground), background), foreground, background: css(background) };
}
