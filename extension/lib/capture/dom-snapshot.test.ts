import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDocument } from './dom-snapshot';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** The snapshot read back as a document of its own. */
function parsed(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('snapshotDocument', () => {
  it('keeps the page as rendered and drops what could run', () => {
    document.head.innerHTML = '<title>Казино</title><script>window.y = 2</script>';
    document.body.innerHTML =
      '<h1 onclick="steal()">Бонус</h1><a href="javascript:alert(1)">играть</a>' +
      '<script>window.x = 1</script><p id="end">Конец</p>';
    const copy = parsed(snapshotDocument());

    expect(copy.querySelector('h1')?.textContent).toBe('Бонус');
    expect(copy.querySelector('#end')?.textContent).toBe('Конец');
    expect(copy.querySelectorAll('script')).toHaveLength(0);
    expect(copy.querySelector('h1')?.hasAttribute('onclick')).toBe(false);
    expect(copy.querySelector('a')?.hasAttribute('href')).toBe(false);
    // The page itself is left as it was.
    expect(document.querySelectorAll('script')).toHaveLength(2);
    expect(document.querySelector('h1')?.hasAttribute('onclick')).toBe(true);
  });

  it('is self-contained and inert: its styles inline, a base for the rest, scripts forbidden', () => {
    document.head.innerHTML = '<style>h1 { color: red; }</style>';
    document.body.innerHTML = '<h1>Бонус</h1>';
    const html = snapshotDocument();
    const copy = parsed(html);

    expect(html.startsWith('<!DOCTYPE')).toBe(true);
    expect(copy.querySelector('style')?.textContent).toContain('color: red');
    expect(copy.querySelector('base')?.getAttribute('href')).toBe(document.baseURI);
    expect(copy.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(
      copy.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toContain("script-src 'none'");
  });

  it('keeps what was typed into the page’s fields, but never a password', () => {
    document.body.innerHTML =
      '<input name="q"><input type="password" name="p"><input type="checkbox" name="c">' +
      '<textarea name="t"></textarea>';
    (document.querySelector('[name=q]') as HTMLInputElement).value = 'ставки';
    (document.querySelector('[name=p]') as HTMLInputElement).value = 'secret';
    (document.querySelector('[name=c]') as HTMLInputElement).checked = true;
    (document.querySelector('[name=t]') as HTMLTextAreaElement).value = 'текст';
    const copy = parsed(snapshotDocument());

    expect(copy.querySelector('[name=q]')?.getAttribute('value')).toBe('ставки');
    expect(copy.querySelector('[name=p]')?.hasAttribute('value')).toBe(false);
    expect(copy.querySelector('[name=c]')?.hasAttribute('checked')).toBe(true);
    expect(copy.querySelector('[name=t]')?.textContent).toBe('текст');
  });
});
