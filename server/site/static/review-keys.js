// Keyboard navigation of the reviewers' queue and material page. The pages work without it:
// every key only follows a link, moves the focus or ticks a checkbox the page already has.
(() => {
  const rows = () => [...document.querySelectorAll('tr[data-material]')];
  const help = document.getElementById('keyboard-help');
  let current = -1;

  // Typing in a field (or with a modifier held) is never a shortcut.
  const typing = (event) => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return true;
    if (!(target instanceof HTMLElement)) return false;
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName);
  };

  const highlight = (index) => {
    const all = rows();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(all.length - 1, index));
    for (const row of all) row.classList.remove('current');
    const row = all[current];
    row.classList.add('current');
    row.querySelector('a.title')?.focus();
  };

  const follow = (selector) => {
    const link = document.querySelector(selector);
    if (link instanceof HTMLAnchorElement) window.location.assign(link.href);
    return !!link;
  };

  const focusFirst = (selector) => {
    const section = document.querySelector(selector);
    if (!section) return false;
    section.scrollIntoView();
    const field = section.querySelector('input:not([type=hidden]), textarea, select, a, button');
    if (field instanceof HTMLElement) field.focus();
    return true;
  };

  const toggleHelp = () => {
    if (help) help.hidden = !help.hidden;
  };
  // The controls that need this script are shown only when it runs.
  for (const control of document.querySelectorAll('[data-needs-script]')) control.hidden = false;
  for (const button of document.querySelectorAll('[data-keyboard-help]')) {
    button.addEventListener('click', toggleHelp);
  }
  for (const all of document.querySelectorAll('[data-select-all]')) {
    all.addEventListener('change', () => {
      for (const box of document.querySelectorAll('input[data-select]')) box.checked = all.checked;
    });
  }

  const onQueue = rows().length > 0;
  // Each action answers whether it did something (then the key's default is prevented).
  const move = (step) => {
    if (!onQueue) return false;
    highlight(current + step);
    return true;
  };
  const actions = {
    '?': () => {
      toggleHelp();
      return true;
    },
    Escape: () => {
      if (!help || help.hidden) return false;
      toggleHelp();
      return true;
    },
    j: () => move(1) || follow('a[data-key="next"]'),
    ArrowDown: () => move(1),
    k: () => move(-1) || follow('a[data-key="queue"]'),
    ArrowUp: () => move(-1),
    o: () => onQueue && current >= 0 && follow('tr.current a.title'),
    x: () => {
      const box = document.querySelector('tr.current input[type=checkbox]');
      if (box instanceof HTMLInputElement) box.checked = !box.checked;
      return !!box;
    },
    n: () => follow('a[data-key="next"]'),
    d: () => focusFirst(onQueue ? '#bulk-decision' : '#decision'),
    e: () => focusFirst('[aria-labelledby="evidence-heading"]'),
    c: () => {
      const claim = document.querySelector('button[data-key="claim"]');
      if (claim instanceof HTMLButtonElement) claim.click();
      return !!claim;
    },
  };

  document.addEventListener('keydown', (event) => {
    if (typing(event) && event.key !== 'Escape') return;
    const action = actions[event.key];
    if (action?.()) event.preventDefault();
  });
})();
