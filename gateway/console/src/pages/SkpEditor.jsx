// The plan editor of the employee's own SKP in DRAFT or RETURNED: approach, RHK (kind, text,
// intervensi chosen from the superior's approved RHK, Perjanjian Kinerja and perspective where the
// plan needs them) with their IKI. Save sends the whole plan with the etag it was read with
// (PATCH /v1/employees/{nip}/skps/{id}); submit saves unsaved changes first, then POST ...:submit.
// Field violations of a 400 show at their fields; ABORTED (someone changed the plan) asks to reload.
import { useMemo, useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { t } from '../i18n/index.js';
import { ApiError, GRPC } from '../lib/api.js';
import { formProblem, messageFor, violationMap } from '../lib/errors.js';
import { enumLabel } from '../lib/format.js';
import {
  APPROACHES,
  IKI_ASPECTS,
  PERSPECTIVES,
  RHK_KINDS,
  submitSkp,
  updateSkp,
  violationPath,
} from '../lib/skp.js';

let lastKey = 0;
const newKey = () => ++lastKey;

const newIki = () => ({ key: newKey(), text: '', aspect: 'IKI_ASPECT_KUANTITAS', target: '', unit: '' });
const newRhk = (kind) => ({
  key: newKey(),
  id: '',
  kind,
  text: '',
  intervensi: '',
  perjanjianKinerja: '',
  perspective: '',
  ikis: [newIki()],
});

function toDraft(skp) {
  return {
    approach: skp.approach || 'SKP_APPROACH_KUANTITATIF',
    rhks: (skp.rhks ?? []).map((r) => ({
      key: newKey(),
      id: r.id || '',
      kind: r.kind || 'RHK_KIND_UTAMA',
      text: r.text || '',
      intervensi: r.intervensi || '',
      perjanjianKinerja: r.perjanjianKinerja || '',
      perspective: r.perspective || '',
      ikis: (r.ikis ?? []).map((i) => ({
        key: newKey(),
        text: i.text || '',
        aspect: i.aspect || 'IKI_ASPECT_KUANTITAS',
        target: i.target || '',
        unit: i.unit || '',
      })),
    })),
  };
}

const withoutEmpty = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ''));

/** The Skp JSON of UpdateSkp for a draft (empty strings left out: unset fields and enums). */
function payloadOf(draft) {
  return {
    approach: draft.approach,
    rhks: draft.rhks.map(({ key, ikis, ...r }) => ({
      ...withoutEmpty({ ...r, text: r.text.trim(), perjanjianKinerja: r.perjanjianKinerja.trim() }),
      ikis: ikis.map(({ key: k, ...i }) => ({ ...i, text: i.text.trim(), target: i.target.trim(), unit: i.unit.trim() })),
    })),
  };
}

function IntervensiSelect({ id, value, options, onChange, invalid }) {
  const rhks = options?.rhks ?? [];
  const known = rhks.some((r) => r.id === value);
  const top = Boolean(options?.topOfCascade);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-invalid={invalid ? 'true' : undefined}>
      <option value="">{top ? t('skp.intervensiNone') : t('skp.chooseIntervensi')}</option>
      {value && !known && <option value={value}>{t('skp.intervensiUnknown', { id: value })}</option>}
      {rhks.map((r) => (
        <option key={r.id} value={r.id}>{r.text}</option>
      ))}
    </select>
  );
}

function IntervensiIntro({ options, year }) {
  if (!options) return null;
  if (options.topOfCascade) {
    return <p class="muted small">{options.jpt ? t('skp.topOfCascadeJpt') : t('skp.topOfCascade')}</p>;
  }
  if (!options.superiorSkp) {
    return (
      <Alert kind="info" testId="no-superior-plan">
        {t('skp.superiorNoPlan', { name: options.superiorName || '—', year })}
      </Alert>
    );
  }
  return <p class="muted small">{t('skp.intervensiFrom', { name: options.superiorName, n: (options.rhks ?? []).length })}</p>;
}

function IkiRows({ rhkIndex, ikis, errors, approach, onChange, onRemove }) {
  const err = (j, f) => errors[`rhks[${rhkIndex}].ikis[${j}].${f}`];
  const cell = (j, f) => `rhk-${rhkIndex}-iki-${j}-${f}`;
  return (
    <table class="table compact iki-edit" data-testid={`rhk-${rhkIndex}-ikis`}>
      <thead>
        <tr>
          <th>{t('skp.iki')}</th>
          <th>{t('skp.aspect')}</th>
          <th>{t('skp.target')}</th>
          <th>{t('skp.unit')}</th>
          <th><span class="sr-only">{t('common.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {ikis.map((iki, j) => (
          <tr key={iki.key}>
            <td class={err(j, 'text') ? 'field-invalid' : ''}>
              <input id={cell(j, 'text')} value={iki.text} maxLength={500}
                aria-label={t('skp.ikiTextN', { n: j + 1 })} onInput={(e) => onChange(j, 'text', e.currentTarget.value)} />
              {err(j, 'text') && <p class="field-error" data-testid={`${cell(j, 'text')}-error`}>{err(j, 'text')}</p>}
            </td>
            <td class={err(j, 'aspect') ? 'field-invalid' : ''}>
              <select id={cell(j, 'aspect')} value={iki.aspect} aria-label={t('skp.ikiAspectN', { n: j + 1 })}
                onChange={(e) => onChange(j, 'aspect', e.currentTarget.value)}>
                {IKI_ASPECTS.map((a) => (
                  <option key={a} value={a}>{enumLabel('IkiAspect', a)}</option>
                ))}
              </select>
              {err(j, 'aspect') && <p class="field-error">{err(j, 'aspect')}</p>}
            </td>
            <td class={`narrow-cell${err(j, 'target') ? ' field-invalid' : ''}`}>
              <input id={cell(j, 'target')} value={iki.target} maxLength={200}
                inputMode={approach === 'SKP_APPROACH_KUANTITATIF' ? 'decimal' : undefined}
                aria-label={t('skp.ikiTargetN', { n: j + 1 })} onInput={(e) => onChange(j, 'target', e.currentTarget.value)} />
              {err(j, 'target') && <p class="field-error" data-testid={`${cell(j, 'target')}-error`}>{err(j, 'target')}</p>}
            </td>
            <td class={`narrow-cell${err(j, 'unit') ? ' field-invalid' : ''}`}>
              <input id={cell(j, 'unit')} value={iki.unit} maxLength={50}
                aria-label={t('skp.ikiUnitN', { n: j + 1 })} onInput={(e) => onChange(j, 'unit', e.currentTarget.value)} />
              {err(j, 'unit') && <p class="field-error">{err(j, 'unit')}</p>}
            </td>
            <td class="actions">
              <button type="button" class="button link danger" onClick={() => onRemove(j)}>
                {t('skp.removeIki')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RhkEditor({ index, rhk, options, approach, errors, onChange, onRemove }) {
  const f = (name) => `rhk-${index}-${name}`;
  const err = (name) => errors[`rhks[${index}]${name ? `.${name}` : ''}`];
  const set = (name) => (e) => onChange({ ...rhk, [name]: e.currentTarget.value });
  const setIki = (j, name, value) => onChange({ ...rhk, ikis: rhk.ikis.map((x, k) => (k === j ? { ...x, [name]: value } : x)) });
  const top = Boolean(options?.topOfCascade);
  // At the very top (no superior, or one without an approved plan) there is nothing to choose from.
  const choosable = !top || (options?.rhks ?? []).length > 0 || rhk.intervensi !== '';
  return (
    <fieldset class="rhk-edit" data-testid={`rhk-${index}`}>
      <legend>
        {t('skp.rhkN', { n: index + 1 })}
        {rhk.id && <span class="mono muted small"> {rhk.id}</span>}
      </legend>
      <Alert kind="error">{err('')}</Alert>
      <div class="form-grid rhk-grid">
        <Field label={t('skp.kind')} htmlFor={f('kind')} error={err('kind')}>
          <select id={f('kind')} value={rhk.kind} onChange={set('kind')}>
            {RHK_KINDS.map((k) => (
              <option key={k} value={k}>{enumLabel('RhkKind', k)}</option>
            ))}
          </select>
        </Field>
        {choosable && (
          <Field label={top ? t('skp.intervensiOptional') : t('skp.intervensi')} htmlFor={f('intervensi')} error={err('intervensi')}>
            <IntervensiSelect id={f('intervensi')} value={rhk.intervensi} options={options} invalid={Boolean(err('intervensi'))}
              onChange={(v) => onChange({ ...rhk, intervensi: v })} />
          </Field>
        )}
        {options?.jpt && (
          <Field label={t('skp.perspective')} htmlFor={f('perspective')} error={err('perspective')}>
            <select id={f('perspective')} value={rhk.perspective} onChange={set('perspective')}>
              <option value="">{t('skp.choosePerspective')}</option>
              {PERSPECTIVES.map((p) => (
                <option key={p} value={p}>{enumLabel('Perspective', p)}</option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <Field label={t('skp.rhkText')} htmlFor={f('text')} error={err('text')}>
        <textarea id={f('text')} rows={2} maxLength={1000} value={rhk.text} onInput={set('text')} />
      </Field>
      {(top || rhk.perjanjianKinerja) && (
        <Field label={t('skp.perjanjianKinerja')} htmlFor={f('pk')} error={err('perjanjianKinerja')} hint={t('skp.perjanjianHint')}>
          <textarea id={f('pk')} rows={2} maxLength={500} value={rhk.perjanjianKinerja} onInput={set('perjanjianKinerja')} />
        </Field>
      )}
      <h3>{t('skp.ikiTitle')}</h3>
      <Alert kind="error">{err('ikis')}</Alert>
      {rhk.ikis.length > 0 && (
        <IkiRows rhkIndex={index} ikis={rhk.ikis} errors={errors} approach={approach} onChange={setIki}
          onRemove={(j) => onChange({ ...rhk, ikis: rhk.ikis.filter((x, k) => k !== j) })} />
      )}
      <div class="button-row">
        <button type="button" class="button secondary" onClick={() => onChange({ ...rhk, ikis: [...rhk.ikis, newIki()] })}>
          {t('skp.addIki')}
        </button>
        <button type="button" class="button link danger" onClick={onRemove}>
          {t('skp.removeRhk')}
        </button>
      </div>
    </fieldset>
  );
}

/** Paths the editor shows at a field; any other violation goes to the message at the top. */
function shownPaths(draft) {
  const out = new Set(['approach', 'rhks']);
  draft.rhks.forEach((r, i) => {
    for (const f of ['', '.kind', '.text', '.intervensi', '.perjanjianKinerja', '.perspective', '.ikis']) out.add(`rhks[${i}]${f}`);
    r.ikis.forEach((x, j) => {
      for (const f of ['text', 'aspect', 'target', 'unit']) out.add(`rhks[${i}].ikis[${j}].${f}`);
    });
  });
  return out;
}

export function SkpEditor({ nip, id, skp, options, optionsError, onChanged, onReload }) {
  const [draft, setDraft] = useState(() => toDraft(skp));
  const [base, setBase] = useState(() => JSON.stringify(payloadOf(toDraft(skp))));
  const [errors, setErrors] = useState({});
  const [general, setGeneral] = useState('');
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState('');
  const dirty = useMemo(() => JSON.stringify(payloadOf(draft)) !== base, [draft, base]);

  function fail(err) {
    if (err instanceof ApiError && err.status === 409 && err.code === GRPC.ABORTED) {
      setStale(true);
      return;
    }
    const byPath = violationMap(err, violationPath);
    const shown = shownPaths(draft);
    setErrors(byPath);
    setGeneral(formProblem(err, Object.entries(byPath).filter(([p]) => !shown.has(p))));
  }

  function stored(saved) {
    const fresh = toDraft(saved);
    setDraft(fresh);
    setBase(JSON.stringify(payloadOf(fresh)));
    onChanged(saved);
    return saved;
  }

  async function save() {
    return stored(await updateSkp(nip, id, { etag: skp.etag, ...payloadOf(draft) }));
  }

  async function run(kind, action, doneText) {
    setBusy(kind);
    setGeneral('');
    setErrors({});
    onChanged(null, '');
    try {
      await action();
      onChanged(null, doneText);
    } catch (err) {
      fail(err);
    } finally {
      setBusy('');
    }
  }

  const onSave = (e) => {
    e.preventDefault();
    run('save', save, t('skp.saved'));
  };
  const onSubmit = () =>
    run('submit', async () => {
      const current = dirty ? await save() : skp;
      onChanged(await submitSkp(nip, id, current.etag));
    }, t('skp.submitted'));

  const utama = draft.rhks.some((r) => r.kind === 'RHK_KIND_UTAMA');
  const setRhk = (i) => (rhk) => setDraft({ ...draft, rhks: draft.rhks.map((r, k) => (k === i ? rhk : r)) });

  return (
    <form class="card form plan-editor" onSubmit={onSave} noValidate data-testid="skp-editor">
      <h2>{t('skp.editTitle')}</h2>
      <p class="muted">{t('skp.editIntro')}</p>
      {stale && (
        <div class="alert alert-error" role="alert" data-testid="skp-stale">
          <p>{t('skp.stale')}</p>
          <button type="button" class="button secondary" onClick={onReload}>{t('skp.reload')}</button>
        </div>
      )}
      <Alert kind="error" testId="skp-editor-error">
        {general || (optionsError && t('skp.optionsFailed', { message: messageFor(optionsError) }))}
      </Alert>
      <div class="form-row">
        <Field label={t('skp.approach')} htmlFor="skp-approach" error={errors.approach} hint={t('skp.approachHint')}>
          <select id="skp-approach" value={draft.approach} onChange={(e) => setDraft({ ...draft, approach: e.currentTarget.value })}>
            {APPROACHES.map((a) => (
              <option key={a} value={a}>{enumLabel('SkpApproach', a)}</option>
            ))}
          </select>
        </Field>
      </div>
      <IntervensiIntro options={options} year={skp.year} />
      <Alert kind="error">{errors.rhks}</Alert>
      {draft.rhks.length === 0 && <p class="muted">{t('skp.noRhkYet')}</p>}
      {draft.rhks.map((r, i) => (
        <RhkEditor key={r.key} index={i} rhk={r} options={options} approach={draft.approach} errors={errors}
          onChange={setRhk(i)} onRemove={() => setDraft({ ...draft, rhks: draft.rhks.filter((x, k) => k !== i) })} />
      ))}
      <p>
        <button type="button" class="button secondary" data-testid="add-rhk"
          onClick={() => setDraft({ ...draft, rhks: [...draft.rhks, newRhk(utama ? 'RHK_KIND_TAMBAHAN' : 'RHK_KIND_UTAMA')] })}>
          {t('skp.addRhk')}
        </button>
      </p>
      <div class="button-row editor-actions">
        <button type="submit" class="button primary" disabled={Boolean(busy) || stale || !dirty}>
          {busy === 'save' ? t('common.saving') : t('skp.save')}
        </button>
        <button type="button" class="button primary" disabled={Boolean(busy) || stale} onClick={onSubmit} data-testid="skp-submit">
          {busy === 'submit' ? t('skp.submitting') : dirty ? t('skp.saveAndSubmit') : t('skp.submit')}
        </button>
        {dirty && <span class="muted small" data-testid="skp-dirty">{t('skp.unsaved')}</span>}
      </div>
    </form>
  );
}
