/**
 * A self-contained, inert HTML copy of the page as rendered, for browsers without MHTML (Firefox).
 * Runs inside the page (scripting.executeScript), so it refers to nothing outside its body:
 * readable style sheets are inlined with their current rules, loaded same-origin images and
 * canvases become `data:` URLs, form fields keep what was typed, and scripts, event handler
 * attributes and `javascript:` links are removed. What cannot be inlined (cross-origin style sheets
 * and images) stays as an absolute link under a `<base>`.
 */
export function snapshotDocument(): string {
  const source = document.documentElement;
  const copy = source.cloneNode(true) as HTMLElement;
  const originals = Array.from(source.querySelectorAll('*'));
  const copies = Array.from(copy.querySelectorAll('*'));
  const cssOf = (sheet: CSSStyleSheet | null): string | undefined => {
    try {
      return sheet ? Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n') : undefined;
    } catch {
      return undefined; // a cross-origin sheet hides its rules
    }
  };
  const dataUrlOf = (drawable: HTMLImageElement | HTMLCanvasElement): string | undefined => {
    try {
      if (drawable instanceof HTMLCanvasElement) return drawable.toDataURL();
      if (!drawable.complete || drawable.naturalWidth === 0) return undefined;
      const canvas = document.createElement('canvas');
      canvas.width = drawable.naturalWidth;
      canvas.height = drawable.naturalHeight;
      canvas.getContext('2d')?.drawImage(drawable, 0, 0);
      return canvas.toDataURL();
    } catch {
      return undefined; // a cross-origin image taints the canvas
    }
  };
  originals.forEach((original, index) => {
    const clone = copies[index];
    if (!clone) return;
    const tag = original.tagName.toLowerCase();
    if (
      tag === 'script' ||
      (tag === 'link' && /preload|modulepreload/i.test(clone.getAttribute('rel') ?? ''))
    ) {
      clone.remove();
      return;
    }
    for (const attribute of Array.from(clone.attributes)) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith('on') || value.startsWith('javascript:')) {
        clone.removeAttribute(attribute.name);
      }
    }
    if (
      tag === 'style' ||
      (tag === 'link' && /stylesheet/i.test(clone.getAttribute('rel') ?? ''))
    ) {
      const css = cssOf((original as HTMLStyleElement | HTMLLinkElement).sheet as CSSStyleSheet);
      if (css === undefined) return;
      const style = document.createElement('style');
      style.textContent = css;
      clone.replaceWith(style);
    } else if (tag === 'img' || tag === 'canvas') {
      const dataUrl = dataUrlOf(original as HTMLImageElement | HTMLCanvasElement);
      if (!dataUrl) return;
      if (tag === 'canvas') {
        const img = document.createElement('img');
        img.setAttribute('src', dataUrl);
        clone.replaceWith(img);
      } else {
        clone.setAttribute('src', dataUrl);
        clone.removeAttribute('srcset');
      }
    } else if (tag === 'input' || tag === 'textarea' || tag === 'select') {
      const field = original as HTMLInputElement;
      if (tag === 'textarea') clone.textContent = field.value;
      else if (tag === 'select') {
        const selected = (original as HTMLSelectElement).selectedIndex;
        clone.querySelectorAll('option').forEach((option, i) => {
          option.toggleAttribute('selected', i === selected);
        });
      } else if (field.type === 'checkbox' || field.type === 'radio') {
        clone.toggleAttribute('checked', field.checked);
      } else if (field.type !== 'password') {
        clone.setAttribute('value', field.value);
      }
    }
  });
  let head = copy.querySelector('head');
  if (!head) {
    head = document.createElement('head');
    copy.prepend(head);
  }
  for (const old of Array.from(head.querySelectorAll('base, meta[charset]'))) old.remove();
  const base = document.createElement('base');
  base.setAttribute('href', document.baseURI);
  const charset = document.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  // Opened later, the copy must stay inert even where the viewer does not sandbox it.
  const policy = document.createElement('meta');
  policy.setAttribute('http-equiv', 'Content-Security-Policy');
  policy.setAttribute('content', "script-src 'none'; object-src 'none'");
  head.prepend(charset, policy, base);
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '<!DOCTYPE html>';
  return `${doctype}\n${copy.outerHTML}`;
}
