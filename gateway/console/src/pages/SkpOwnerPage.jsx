// One of the signed-in employee's own SKPs (#/skp/{id}): its facts, state, revision and the superior's
// return note up top; the editor while it is DRAFT or RETURNED, the plan read-only otherwise; revise
// an APPROVED plan (POST ...:revise, a new revision that goes through approval again); the
// superior's expectations and the evaluation once there are any.
import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert.jsx';
import { Loading } from '../components/Loading.jsx';
import {
  EvaluationView,
  ExpectationsView,
  PlanView,
  ReturnNote,
  SkpFacts,
} from '../components/SkpParts.jsx';
import { t } from '../i18n/index.js';
import { messageFor } from '../lib/errors.js';
import { useAsync } from '../lib/hooks.js';
import { hrefOf } from '../lib/router.js';
import { getSkp, intervensiOptions, isEditable, reviseSkp } from '../lib/skp.js';
import { SkpEditor } from './SkpEditor.jsx';

const STATE_NOTES = {
  SKP_STATE_SUBMITTED: 'skp.ownerSubmitted',
  SKP_STATE_APPROVED: 'skp.ownerApproved',
  SKP_STATE_EVALUATED: 'skp.ownerEvaluated',
  SKP_STATE_FINAL: 'skp.ownerFinal',
  SKP_STATE_CLOSED_BY_TRANSFER: 'skp.ownerClosed',
};

function Revise({ nip, id, skp, onChanged }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function revise() {
    setBusy(true);
    setError('');
    try {
      onChanged(await reviseSkp(nip, id, skp.etag), t('skp.revised'));
    } catch (err) {
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="card" data-testid="skp-revise">
      <h2>{t('skp.reviseTitle')}</h2>
      <p class="muted">{t('skp.reviseIntro')}</p>
      <Alert kind="error">{error}</Alert>
      <button type="button" class="button secondary" disabled={busy} onClick={revise}>
        {busy ? t('common.saving') : t('skp.revise')}
      </button>
    </div>
  );
}

export function SkpOwnerPage({ nip, id }) {
  const loaded = useAsync(() => getSkp(nip, id), [nip, id]);
  const [latest, setLatest] = useState(null); // the answer of the last change made here
  const [notice, setNotice] = useState('');
  const [generation, setGeneration] = useState(0);
  const skp = latest && loaded.data && latest.name === loaded.data.name ? latest : loaded.data;
  const year = skp?.year;
  const options = useAsync(() => (year ? intervensiOptions(nip, year) : Promise.resolve(null)), [nip, year]);

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error) {
    return (
      <section>
        <p class="breadcrumb"><a href="#/skp">{t('nav.mySkp')}</a></p>
        <Alert kind="error">{messageFor(loaded.error)}</Alert>
      </section>
    );
  }
  const onChanged = (next, text) => {
    if (next) setLatest(next);
    if (text !== undefined) setNotice(text);
  };
  const reload = () => {
    setLatest(null);
    setNotice('');
    setGeneration((g) => g + 1);
    loaded.reload();
    options.reload();
  };
  const editable = isEditable(skp);
  const opts = options.data ?? null;
  return (
    <section>
      <p class="breadcrumb">
        <a href="#/skp">{t('nav.mySkp')}</a> / {skp.year}
      </p>
      <div class="title-row">
        <h1>{t('skp.titleYear', { year: skp.year })}</h1>
        <a class="button secondary" href={hrefOf(`/print/skp/${nip}/${id}`)} data-testid="skp-print-link">
          {t('skp.print')}
        </a>
      </div>
      <ReturnNote skp={skp} />
      <Alert kind="success" testId="skp-notice">{notice}</Alert>
      <SkpFacts skp={skp} />
      {STATE_NOTES[skp.state] && <Alert kind="info" testId="skp-state-note">{t(STATE_NOTES[skp.state])}</Alert>}
      {loaded.loading && <Loading />}
      {editable && !loaded.loading && (
        <SkpEditor key={`${skp.name}-${generation}`} nip={nip} id={id} skp={skp} options={opts}
          optionsError={options.error} onChanged={onChanged} onReload={reload} />
      )}
      {!editable && (
        <>
          <h2>{t('skp.rhkTitle')}</h2>
          <PlanView skp={skp} options={opts} />
        </>
      )}
      {skp.state === 'SKP_STATE_APPROVED' && <Revise nip={nip} id={id} skp={skp} onChanged={onChanged} />}
      {(skp.expectations ?? []).length > 0 && (
        <>
          <h2>{t('skp.behaviourTitle')}</h2>
          <ExpectationsView skp={skp} />
        </>
      )}
      {skp.evaluation?.predikat && (
        <>
          <h2>{t('skp.evaluationTitle')}</h2>
          <EvaluationView evaluation={skp.evaluation} />
        </>
      )}
    </section>
  );
}
