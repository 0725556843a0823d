/**
 * Sets inline styles through the CSSOM only. Lit's styleMap writes a `style` attribute on first
 * render, which our CSP (no 'unsafe-inline' styles) blocks; setting properties one by one is allowed.
 */
import { type AttributePart, Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';
import { noChange } from 'lit';

class CssPropsDirective extends Directive {
  private previous = new Map<string, string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() is an element directive: <div ${cssProps({...})}>');
  }

  render(_props: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart | AttributePart, [props]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous.keys()) if (!(name in props)) style.removeProperty(name);
    // Only what changed: a grid redraws hundreds of cells per frame, most with the same box.
    for (const [name, value] of Object.entries(props)) if (this.previous.get(name) !== value) style.setProperty(name, value);
    this.previous = new Map(Object.entries(props));
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
