// A new campaign: its contacts from an uploaded CSV file (multipart, the server reads encodings
// and reports each refused row) or from a query (abandoned callers of a period, customers whose
// case has a solution ready). What the server accepted and refused is shown row by row.
import { api, explain } from './api.js';
import { $, $$, el, replace } from './dom.js';
import { onLanguageChange, t } from './i18n.js';

export function campaignForm(created) {
  const form = $('#campaign-form');
  const message = $('#campaign-message');
  let result = null;

  const chosen = () => form.elements.source.value;
  function showFields() {
    for (const node of $$('[data-for-kind]')) node.hidden = node.dataset.forKind !== form.elements.kind.value;
    for (const node of $$('[data-for-source]')) node.hidden = node.dataset.forSource !== chosen();
  }
  form.addEventListener('change', showFields);
  showFields();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result = null;
    replace(message);
    message.className = 'message';
    const campaign = describe();
    $('#campaign-create').disabled = true;
    try {
      if (chosen() === 'csv') {
        const file = $('#campaign-csv').files[0];
        if (!file) throw new Error(t('campaigns.noFile'));
        const upload = new FormData();
        upload.append('campaign', JSON.stringify(campaign));
        upload.append('contacts', file, file.name);
        result = await api('/api/campaigns/upload', { method: 'POST', form: upload });
      } else {
        result = await api('/api/campaigns', { method: 'POST', json: { ...campaign, source: source() } });
      }
      draw();
      form.reset();
      showFields();
      created(result);
    } catch (failure) {
      explain(message, failure);
    } finally {
      $('#campaign-create').disabled = false;
    }
  });

  /** The campaign as POST /api/campaigns takes it, without its contacts. */
  function describe() {
    const f = form.elements;
    const rules = {
      window: { opens: f.opens.value, closes: f.closes.value },
      maxAttempts: Number(f.maxAttempts.value) || 3,
    };
    if (f.kind.value === 'callback') Object.assign(rules, { skill: f.skill.value, pacing: f.pacing.value, recording: f.recording.value });
    const campaign = { name: f.name.value.trim(), kind: f.kind.value, rules };
    if (f.kind.value === 'notification') campaign.message = f.message.value.trim();
    return campaign;
  }

  function source() {
    if (chosen() !== 'abandoned') return { kind: chosen() };
    const day = (input) => new Date(`${input.value}T00:00`);
    const to = day($('#campaign-to'));
    to.setDate(to.getDate() + 1); // the last day is counted whole
    return { kind: 'abandoned', from: day($('#campaign-from')).toISOString(), to: to.toISOString() };
  }

  function draw() {
    if (!result) return;
    const refusedRows = (result.rejected || []).map((r) => el('li', {
      text: r.row !== undefined ? t('campaigns.refusedRow', { row: r.row, column: r.column ?? '', error: r.error })
        : t('campaigns.refusedContact', { index: r.index + 1, error: r.error }),
    }));
    const listed = (result.doNotCall || []).map((r) => el('li', { text: t('campaigns.doNotCallRow', { row: r.row, number: r.number }) }));
    replace(message,
      el('p', { className: 'accepted', text: t('campaigns.created', { name: result.name, contacts: result.contacts }) }),
      result.encoding ? el('p', { className: 'muted', text: t('campaigns.encoding', { encoding: result.encoding, rows: result.rows }) }) : null,
      refusedRows.length ? el('p', { text: t('campaigns.refused', { count: refusedRows.length }) }) : null,
      refusedRows.length ? el('ul', { className: 'refused-rows' }, refusedRows) : null,
      listed.length ? el('ul', { className: 'do-not-call-rows' }, listed) : null,
      result.ignoredColumns?.length ? el('p', { className: 'muted', text: t('campaigns.ignored', { columns: result.ignoredColumns.join(', ') }) }) : null);
  }

  onLanguageChange(draw);
}
