/**
 * The handoff's part of the operator settings (SiteGptSettings, architecture.md §10): after how
 * many poor answers in a row the pane offers a person (`handoffAfter`), where a handoff goes
 * (`handoffTargets`: SiteGPT's human inbox and/or the site owner's Wix Inbox, here the sandbox's
 * stand-ins) and the site's own refusal phrases (`refusalPhrases`, one a line), which mark an
 * answer as poor besides the built-in ones.
 */
export interface HandoffFields {
  element: HTMLFieldSetElement;
  /** The fields as the settings route takes them. */
  read(): Record<string, unknown>;
  show(settings: Record<string, unknown>): void;
}

const TARGETS = [
  { value: 'wix-inbox', label: "Site owner's Wix Inbox" },
  { value: 'sitegpt', label: "SiteGPT's human inbox" },
] as const;

export function handoffFields(): HandoffFields {
  const element = document.createElement('fieldset');
  element.className = 'wide';
  element.dataset.handoffSettings = '';
  const legend = document.createElement('legend');
  legend.textContent = 'Handoff to a person';

  const after = Object.assign(document.createElement('input'), { type: 'number', name: 'handoffAfter', min: '1', max: '20' });
  const afterLabel = document.createElement('label');
  afterLabel.append('Offer a person after poor answers in a row', after);

  const boxes = TARGETS.map(({ value, label }) => {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'handoffTargets', value });
    const wrap = Object.assign(document.createElement('label'), { className: 'check' });
    wrap.append(box, ` ${label}`);
    return { box, wrap };
  });
  const targets = document.createElement('div');
  targets.setAttribute('role', 'group');
  targets.setAttribute('aria-label', 'Hand off to');
  targets.append('Hand off to:', ...boxes.map(({ wrap }) => wrap));

  const phrases = Object.assign(document.createElement('textarea'), { name: 'refusalPhrases', rows: 2 });
  const phrasesLabel = Object.assign(document.createElement('label'), { className: 'wide' });
  phrasesLabel.append('Refusal phrases (one a line)', phrases);

  element.append(legend, afterLabel, targets, phrasesLabel);
  return {
    element,
    read: () => ({
      handoffAfter: Number(after.value),
      handoffTargets: boxes.filter(({ box }) => box.checked).map(({ box }) => box.value),
      refusalPhrases: phrases.value.split('\n').map((line) => line.trim()).filter(Boolean),
    }),
    show(settings) {
      if (document.activeElement !== after) after.value = String(settings.handoffAfter ?? '');
      const chosen = Array.isArray(settings.handoffTargets) ? settings.handoffTargets : [];
      for (const { box } of boxes) box.checked = chosen.includes(box.value);
      if (document.activeElement !== phrases) phrases.value = (Array.isArray(settings.refusalPhrases) ? settings.refusalPhrases : []).join('\n');
    },
  };
}
