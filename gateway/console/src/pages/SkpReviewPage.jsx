// A subordinate's SKP for the superior on the day (or the PLT/PLH): the plan with the intervensi it
// names; approve or return it with a note while SUBMITTED; the "ekspektasi khusus pimpinan" per
// BerAKHLAK value while SUBMITTED or APPROVED; the annual rating (Rating Hasil Kerja and Rating
// Perilaku Kerja, with DOMAIN.md 5.2's guidance beside the behaviour levels) once APPROVED, and the
// predikat that follows (DOMAIN.md 5.3). For an OPD's head the Rating Hasil Kerja is not asked: it
// follows the OPD's organisation predikat (DOMAIN.md 5.5, from ListIntervensiOptions) and the server
// sets it. Every action sends the etag the page was read with.
import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Field } from '../components/Field.jsx';
import { Loading } from '../components/Loading.jsx';
import {
  EvaluationView,
  ExpectationsView,
  PlanView,
  PredikatBadge,
  ReturnNote,
  SkpFacts,
} from '../components/SkpParts.jsx';
import { t } from '../i18n/index.js';
import { ApiError, GRPC } from '../lib/api.js';
import { formProblem, messageFor, violationMap } from '../lib/errors.js';
import { enumLabel } from '../lib/format.js';
import { useAsync } from '../lib/hooks.js';
import { hrefOf } from '../lib/router.js';
import {
  BERAKHLAK,
  MIN_JUSTIFICATION,
  RATINGS,
  approveSkp,
  evaluateSkp,
  getSkp,
  intervensiOptions,
  needsJustification,
  predikatFor,
  returnSkp,
  setExpectations,
  violationPath,
} from '../lib/skp.js';

const isStale = (err) => err instanceof ApiError && err.status === 409 && err.code === GRPC.ABORTED;

/** busy/error around one call at a time; `run(fn)` resolves to fn's answer or null on failure. */
function useCall(onStale) {
  const [busy, setBusy] = useState('');
  const [error, setError] = useState(null);
  async function run(kind, fn) {
    setBusy(kind);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      if (isStale(err)) onStale();
      else setError(err);
      return null;
    } finally {
      setBusy('');
    }
  }
  return { busy, error, run, setError };
}

function Decision({ nip, id, skp, onChanged, onStale }) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const call = useCall(onStale);
  async function approve() {
    const next = await call.run('approve', () => approveSkp(nip, id, skp.etag));
    if (next) onChanged(next, t('review.approved'));
  }
  async function sendBack(event) {
    event.preventDefault();
    setNoteError('');
    if (!note.trim()) {
      setNoteError(t('review.noteRequired'));
      return;
    }
    const next = await call.run('return', async () => {
      try {
        return await returnSkp(nip, id, skp.etag, note.trim());
      } catch (err) {
        setNoteError(violationMap(err, violationPath).note || '');
        throw err;
      }
    });
    if (next) onChanged(next, t('review.returned'));
  }
  return (
    <div class="card decision" data-testid="review-decision">
      <h2>{t('review.decisionTitle')}</h2>
      <p class="muted">{t('review.decisionIntro')}</p>
      <Alert kind="error" testId="review-decision-error">{call.error && formProblem(call.error)}</Alert>
      <div class="decision-grid">
        <div>
          <h3>{t('review.approveTitle')}</h3>
          <p class="small muted">{t('review.approveHint')}</p>
          <button type="button" class="button primary" disabled={Boolean(call.busy)} onClick={approve} data-testid="review-approve">
            {call.busy === 'approve' ? t('common.saving') : t('review.approve')}
          </button>
        </div>
        <form class="form" onSubmit={sendBack} noValidate>
          <h3>{t('review.returnTitle')}</h3>
          <Field label={t('review.note')} htmlFor="review-note" error={noteError} hint={t('review.noteHint')}>
            <textarea id="review-note" rows={3} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </Field>
          <button type="submit" class="button secondary" disabled={Boolean(call.busy)} data-testid="review-return">
            {call.busy === 'return' ? t('common.saving') : t('review.return')}
          </button>
        </form>
      </div>
    </div>
  );
}

function ExpectationsForm({ nip, id, skp, onChanged, onStale }) {
  const initial = Object.fromEntries(BERAKHLAK.map((v) => [v, '']));
  for (const e of skp.expectations ?? []) initial[e.value] = e.text;
  const [texts, setTexts] = useState(initial);
  const call = useCall(onStale);
  async function save(event) {
    event.preventDefault();
    const expectations = BERAKHLAK.map((value) => ({ value, text: texts[value].trim() }));
    const next = await call.run('save', () => setExpectations(nip, id, skp.etag, expectations));
    if (next) onChanged(next, t('review.expectationsSaved'));
  }
  return (
    <form class="card form" onSubmit={save} noValidate data-testid="expectations-form">
      <h2>{t('skp.behaviourTitle')}</h2>
      <p class="muted">{t('review.expectationsIntro')}</p>
      <Alert kind="error">{call.error && formProblem(call.error, Object.entries(violationMap(call.error)))}</Alert>
      <table class="table compact expectations-edit">
        <thead>
          <tr>
            <th>{t('skp.value')}</th>
            <th>{t('skp.guidance')}</th>
            <th>{t('skp.expectation')}</th>
          </tr>
        </thead>
        <tbody>
          {BERAKHLAK.map((v) => (
            <tr key={v}>
              <td class="nowrap"><label for={`exp-${v}`}>{enumLabel('Berakhlak', v)}</label></td>
              <td class="small">{t(`berakhlak.${v}`)}</td>
              <td>
                <textarea id={`exp-${v}`} rows={2} maxLength={1000} value={texts[v]}
                  placeholder={t('review.expectationPlaceholder')}
                  onInput={(e) => setTexts({ ...texts, [v]: e.currentTarget.value })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" class="button secondary" disabled={Boolean(call.busy)}>
        {call.busy ? t('common.saving') : t('review.saveExpectations')}
      </button>
    </form>
  );
}

function RatingChoice({ name, legend, value, onChange, guidance, error, testId }) {
  return (
    <fieldset class={`rating${error ? ' field-invalid' : ''}`} data-testid={testId}>
      <legend>{legend}</legend>
      {RATINGS.map((r) => (
        <label key={r} class={`rating-option${value === r ? ' chosen' : ''}`}>
          <input type="radio" name={name} value={r} checked={value === r} onChange={() => onChange(r)} />
          <span class="rating-label">{enumLabel('Rating', r)}</span>
          {guidance && <span class="rating-guidance">{t(`guidance.${r}`)}</span>}
        </label>
      ))}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}

function JustificationField({ id, rating, value, onInput, error }) {
  const needed = needsJustification(rating);
  const length = value.trim().length;
  const hint = needed
    ? t('review.justificationNeeded', { min: MIN_JUSTIFICATION, n: length })
    : t('review.justificationOptional');
  return (
    <Field label={needed ? t('review.justificationRequired') : t('review.justification')} htmlFor={id} error={error} hint={hint}>
      <textarea id={id} rows={3} maxLength={2000} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </Field>
  );
}

/**
 * DOMAIN.md 5.5: the Rating Hasil Kerja of an OPD's head, shown instead of asked: the level the
 * organisation predikat gives, or that none is entered yet (the server refuses the rating until it is).
 */
function HasilKerjaFromOrganization({ head, year, error }) {
  const org = head.organizationPredikat;
  return (
    <fieldset class={`rating${error || !org ? ' field-invalid' : ''}`} data-testid="rating-hasil-kerja">
      <legend>{t('skp.hasilKerja')}</legend>
      <p data-testid="hasil-kerja-from-organization">
        {org
          ? t('review.hasilFromOrg', {
              predikat: enumLabel('OrgPredikat', org),
              year,
              rating: enumLabel('Rating', head.hasilKerjaFromOrganization),
            })
          : t('review.hasilNeedsOrg', { year })}
      </p>
      <p class="small muted">{t('review.hasilFromOrgRule')}</p>
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}

function EvaluationForm({ nip, id, skp, head, onChanged, onStale }) {
  const ev = skp.evaluation ?? {};
  const [form, setForm] = useState({
    hasilKerja: ev.hasilKerja || '',
    hasilKerjaJustification: ev.hasilKerjaJustification || '',
    perilakuKerja: ev.perilakuKerja || '',
    perilakuKerjaJustification: ev.perilakuKerjaJustification || '',
  });
  const [errors, setErrors] = useState({});
  const call = useCall(onStale);
  const set = (field) => (value) => setForm({ ...form, [field]: value });
  // An OPD head's hasil kerja is the organisation predikat's (the server sets it); nobody else's.
  const hasilKerja = head ? head.hasilKerjaFromOrganization || '' : form.hasilKerja;
  const preview = predikatFor(hasilKerja, form.perilakuKerja);

  async function save(event) {
    event.preventDefault();
    // The same rules the server applies (DOMAIN.md 5.2), said before sending.
    const local = {};
    const asked = head ? [['perilakuKerja', 'perilakuKerjaJustification']]
      : [['hasilKerja', 'hasilKerjaJustification'], ['perilakuKerja', 'perilakuKerjaJustification']];
    for (const [rating, text] of asked) {
      if (!form[rating]) local[rating] = t('review.chooseRating');
      else if (needsJustification(form[rating]) && form[text].trim().length < MIN_JUSTIFICATION) {
        local[text] = t('review.justificationTooShort', { min: MIN_JUSTIFICATION });
      }
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const evaluation = {
      ...(head ? {} : { hasilKerja: form.hasilKerja, hasilKerjaJustification: form.hasilKerjaJustification.trim() }),
      perilakuKerja: form.perilakuKerja,
      perilakuKerjaJustification: form.perilakuKerjaJustification.trim(),
    };
    const next = await call.run('save', async () => {
      try {
        return await evaluateSkp(nip, id, skp.etag, evaluation);
      } catch (err) {
        setErrors(violationMap(err, violationPath));
        throw err;
      }
    });
    if (next) {
      onChanged(next, t('review.evaluated', { predikat: enumLabel('Predikat', next.evaluation?.predikat) }));
    }
  }

  return (
    <form class="card form evaluation-form" onSubmit={save} noValidate data-testid="evaluation-form">
      <h2>{t('skp.evaluationTitle')}</h2>
      <p class="muted">{t(head ? 'review.evaluationIntroHead' : 'review.evaluationIntro')}</p>
      <Alert kind="error" testId="evaluation-error">{call.error && formProblem(call.error)}</Alert>
      <div class="rating-grid">
        {head ? (
          <div>
            <HasilKerjaFromOrganization head={head} year={skp.year} error={errors.hasilKerja} />
          </div>
        ) : (
          <div>
            <RatingChoice name="hasil-kerja" legend={t('skp.hasilKerja')} value={form.hasilKerja} onChange={set('hasilKerja')}
              error={errors.hasilKerja} testId="rating-hasil-kerja" />
            <JustificationField id="hasil-kerja-justification" rating={form.hasilKerja} value={form.hasilKerjaJustification}
              onInput={set('hasilKerjaJustification')} error={errors.hasilKerjaJustification} />
          </div>
        )}
        <div>
          <RatingChoice name="perilaku-kerja" legend={t('skp.perilakuKerja')} value={form.perilakuKerja} guidance
            onChange={set('perilakuKerja')} error={errors.perilakuKerja} testId="rating-perilaku-kerja" />
          <JustificationField id="perilaku-kerja-justification" rating={form.perilakuKerja} value={form.perilakuKerjaJustification}
            onInput={set('perilakuKerjaJustification')} error={errors.perilakuKerjaJustification} />
        </div>
      </div>
      <p class="predikat-preview" data-testid="predikat-preview">
        {t('review.predikatPreview')}{' '}
        {preview ? (
          <PredikatBadge predikat={preview} />
        ) : (
          <span class="muted">{t(!head ? 'review.predikatPending' : hasilKerja ? 'review.predikatPendingPerilaku' : 'review.predikatPendingOrg')}</span>
        )}
      </p>
      <button type="submit" class="button primary" disabled={Boolean(call.busy) || Boolean(head && !head.organizationPredikat)}
        data-testid="evaluation-save">
        {call.busy ? t('common.saving') : t('review.saveEvaluation')}
      </button>
    </form>
  );
}

export function SkpReviewPage({ nip, id }) {
  const loaded = useAsync(() => getSkp(nip, id), [nip, id]);
  const [latest, setLatest] = useState(null);
  const [notice, setNotice] = useState('');
  const [stale, setStale] = useState(false);
  const skp = latest ?? loaded.data;
  const year = skp?.year;
  const options = useAsync(() => (year ? intervensiOptions(nip, year) : Promise.resolve(null)), [nip, year]);

  if (loaded.loading && !loaded.data) return <Loading />;
  const crumbs = (
    <p class="breadcrumb">
      <a href="#/subordinates">{t('nav.subordinates')}</a>
      {skp && ` / ${skp.employeeName}`}
    </p>
  );
  if (loaded.error) {
    return (
      <section>
        {crumbs}
        <Alert kind="error">{messageFor(loaded.error)}</Alert>
      </section>
    );
  }
  const onChanged = (next, text) => {
    setLatest(next);
    setNotice(text);
    setStale(false);
  };
  const reload = () => {
    setLatest(null);
    setNotice('');
    setStale(false);
    loaded.reload();
  };
  const onStale = () => setStale(true);
  const state = skp.state;
  const forms = `${skp.etag}`; // forms start again from each new version
  // DOMAIN.md 5.5: an OPD head's Rating Hasil Kerja follows the organisation predikat. Without the
  // answer (an error), the form asks for both ratings and the server decides.
  const head = options.data?.headOfOpd ? options.data : null;
  return (
    <section>
      {crumbs}
      <div class="title-row">
        <h1>{t('review.title', { name: skp.employeeName, year: skp.year })}</h1>
        <a class="button secondary" href={hrefOf(`/print/skp/${nip}/${id}`)}>{t('skp.print')}</a>
      </div>
      <Alert kind="success" testId="review-notice">{notice}</Alert>
      {stale && (
        <div class="alert alert-error" role="alert" data-testid="review-stale">
          <p>{t('review.stale')}</p>
          <button type="button" class="button secondary" onClick={reload}>{t('skp.reload')}</button>
        </div>
      )}
      <ReturnNote skp={skp} />
      <SkpFacts skp={skp} showEmployee />
      {state === 'SKP_STATE_DRAFT' && <Alert kind="info">{t('review.draftNote')}</Alert>}
      {state === 'SKP_STATE_RETURNED' && <Alert kind="info">{t('review.returnedNote')}</Alert>}
      <h2>{t('skp.rhkTitle')}</h2>
      <PlanView skp={skp} options={options.data} />
      {state === 'SKP_STATE_SUBMITTED' && (
        <Decision key={`d-${forms}`} nip={nip} id={id} skp={skp} onChanged={onChanged} onStale={onStale} />
      )}
      {(state === 'SKP_STATE_SUBMITTED' || state === 'SKP_STATE_APPROVED') && (
        <ExpectationsForm key={`x-${forms}`} nip={nip} id={id} skp={skp} onChanged={onChanged} onStale={onStale} />
      )}
      {state !== 'SKP_STATE_SUBMITTED' && state !== 'SKP_STATE_APPROVED' && (skp.expectations ?? []).length > 0 && (
        <>
          <h2>{t('skp.behaviourTitle')}</h2>
          <ExpectationsView skp={skp} />
        </>
      )}
      {(state === 'SKP_STATE_APPROVED' || state === 'SKP_STATE_EVALUATED') &&
        (options.loading && !options.data ? (
          <Loading />
        ) : (
          <EvaluationForm key={`e-${forms}-${head ? 'head' : ''}`} nip={nip} id={id} skp={skp} head={head}
            onChanged={onChanged} onStale={onStale} />
        ))}
      {skp.evaluation?.predikat && (
        <>
          <h2>{t('review.currentEvaluation')}</h2>
          <EvaluationView evaluation={skp.evaluation} />
        </>
      )}
    </section>
  );
}
