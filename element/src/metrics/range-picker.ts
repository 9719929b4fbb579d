/**
 * The date-range picker: *Last 7 days*, *Last 28 days* or *Custom* (two date fields and *Show*).
 * It only says what the admin chose; the element turns a choice into a request.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customRange, toDateInput, type DateRange, type Preset } from './date-range.js';
import type { MetricsLabels } from './metrics-labels.js';

export interface PickerState {
  /** The preset the shown range is, or `custom`. */
  selected: Preset | 'custom';
  /** The range shown (or asked for), for the custom fields' first values. */
  range: DateRange;
  /** The custom form is open. */
  editing: boolean;
  /** The custom days given were refused. */
  invalid: boolean;
}

export interface PickerActions {
  preset(days: Preset): void;
  edit(): void;
  custom(range: DateRange | undefined): void;
}

export function rangePicker(state: PickerState, t: MetricsLabels, act: PickerActions): TemplateResult {
  const pressed = (choice: Preset | 'custom') => (state.editing ? choice === 'custom' : state.selected === choice) ? 'true' : 'false';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    act.custom(customRange(String(form.get('first') ?? ''), String(form.get('last') ?? '')));
  };
  return html`<div class="range">
    <div part="range" class="segments" role="group" aria-label=${t.range}>
      <button type="button" part="range-button" aria-pressed=${pressed(7)} @click=${() => act.preset(7)}>${t.last7}</button>
      <button type="button" part="range-button" aria-pressed=${pressed(28)} @click=${() => act.preset(28)}>${t.last28}</button>
      <button type="button" part="range-button" aria-pressed=${pressed('custom')} @click=${() => act.edit()}>${t.custom}</button>
    </div>
    ${state.editing
      ? html`<form part="custom-range" class="custom" @submit=${submit}>
          <label>${t.from} <input type="date" name="first" required .value=${toDateInput(state.range.from)}></label>
          <label>${t.to} <input type="date" name="last" required .value=${toDateInput(state.range.to - 1)}></label>
          <button part="apply-button" class="button">${t.apply}</button>
          ${state.invalid ? html`<p class="invalid" role="alert">${t['range-invalid']}</p>` : nothing}
        </form>`
      : nothing}
  </div>`;
}
