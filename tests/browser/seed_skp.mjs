// The SKP step of the seed (run by seed_org.mjs after the organisation): passwords for the people of
// fixtures/skp.mjs, then their plans through the HTTP API, each call made by the person the access
// policy lets make it: the head creates and submits, the Sekretaris Daerah approves; the Kepala
// Bidang names the head's approved RHK (GET .../intervensiOptions), submits, the head approves; three
// colleagues of the test employee get plans the Kepala Bidang approves and rates (two) or leaves
// waiting (one).
import { config } from './lib/config.mjs';
import {
  HEAD,
  HEAD_PLAN,
  RATED,
  SEKDA,
  SKP_PEOPLE,
  SKP_YEAR,
  SUPERIOR,
  WAITING,
  colleaguePlan,
  superiorPlan,
} from './fixtures/skp.mjs';

/**
 * call(method, path, body, token) -> JSON (throws on a non-2xx answer); admin(path, body) posts as the
 * BKPP administrator. Resolves to a one-line summary.
 */
export async function seedSkp(call, admin) {
  for (const p of SKP_PEOPLE) {
    await admin(`/v1/accounts/${p.nip}:resetPassword`, { newPassword: config.skpPassword, skipChangeAtNextLogin: true });
  }
  const sessions = [];
  async function as(person) {
    const { sessionToken } = await call('POST', '/v1/sessions:login', { nip: person.nip, password: config.skpPassword });
    const session = {
      get: (path) => call('GET', path, undefined, sessionToken),
      post: (path, body) => call('POST', path, body ?? {}, sessionToken),
      logout: () => call('POST', '/v1/sessions:logout', {}, sessionToken),
    };
    sessions.push(session);
    return session;
  }
  const create = (session, person, plan) => session.post(`/v1/employees/${person.nip}/skps`, plan);
  const options = async (session, person) => {
    const r = await session.get(`/v1/employees/${person.nip}/intervensiOptions?year=${SKP_YEAR}`);
    const ids = (r.rhks ?? []).map((x) => x.id);
    if (ids.length === 0) throw new Error(`no approved RHK of ${person.nip}'s superior to name as intervensi`);
    return ids;
  };

  try {
    const head = await as(HEAD);
    const headPlan = await create(head, HEAD, HEAD_PLAN);
    await head.post(`/v1/${headPlan.name}:submit`);
    const sekda = await as(SEKDA);
    await sekda.post(`/v1/${headPlan.name}:approve`);

    const superior = await as(SUPERIOR);
    const superiorSkp = await create(superior, SUPERIOR, superiorPlan(await options(superior, SUPERIOR)));
    await superior.post(`/v1/${superiorSkp.name}:submit`);
    await head.post(`/v1/${superiorSkp.name}:approve`);

    let rated = 0;
    for (const { person, evaluation } of [...RATED, { person: WAITING }]) {
      const colleague = await as(person);
      const [first] = await options(colleague, person);
      const plan = await create(colleague, person, colleaguePlan(first));
      await colleague.post(`/v1/${plan.name}:submit`);
      if (!evaluation) continue;
      await superior.post(`/v1/${plan.name}:approve`);
      await superior.post(`/v1/${plan.name}:evaluate`, { evaluation });
      rated += 1;
    }
    return `SKP ${SKP_YEAR}: ${SKP_PEOPLE.length} accounts, plans of the head and the Kepala Bidang approved, ${rated} rated, 1 waiting`;
  } finally {
    for (const s of sessions) await s.logout().catch(() => {});
  }
}
