// JSON schemas for the mariadb-operator custom resources used by deploy/k8s/examples/mariadb-operator
// (k8s.mariadb.com/v1alpha1). No npm package has them, so these are written by hand from the
// operator's documented fields: a SUBSET of its CRDs, strict (additionalProperties: false) at every
// level, so a misspelt or unknown field is refused. A field the operator has but this file lacks is
// refused too: add it here, from the operator's CRD reference, when the example starts using it.
// metadata is validated separately (schema.mjs).
import AjvModule from 'ajv';

const Ajv = AjvModule.default ?? AjvModule;

const GROUP_VERSION = 'k8s.mariadb.com/v1alpha1';

const name = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 };
const quantity = {
  anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?$' }],
};
const duration = { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$' };
const strict = (properties, required = []) => ({ type: 'object', additionalProperties: false, properties, required });

const defs = {
  secretKeyRef: strict({ name, key: { type: 'string', minLength: 1 }, generate: { type: 'boolean' } }, ['name', 'key']),
  mariaDbRef: strict({ name, namespace: name, waitForIt: { type: 'boolean' } }, ['name']),
  resourceList: {
    type: 'object',
    propertyNames: { enum: ['cpu', 'memory', 'ephemeral-storage'] },
    additionalProperties: quantity,
  },
  resources: strict({ requests: { $ref: '#/$defs/resourceList' }, limits: { $ref: '#/$defs/resourceList' } }),
  pvcSpec: strict({
    accessModes: { type: 'array', items: { enum: ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadOnlyMany', 'ReadWriteMany'] } },
    storageClassName: { type: 'string' },
    resources: strict({ requests: strict({ storage: quantity }, ['storage']) }, ['requests']),
  }, ['resources']),
  sqlCommon: {
    requeueInterval: duration,
    retryInterval: duration,
  },
};

// Each kind: the schema of the whole object (apiVersion, kind, metadata placeholder, spec).
function resource(kind, spec) {
  return {
    $defs: defs,
    ...strict({
      apiVersion: { const: GROUP_VERSION },
      kind: { const: kind },
      metadata: { type: 'object' },
      spec,
    }, ['apiVersion', 'kind', 'metadata', 'spec']),
  };
}

const ref = (d) => ({ $ref: `#/$defs/${d}` });

const SCHEMAS = {
  MariaDB: resource('MariaDB', strict({
    image: { type: 'string', minLength: 1 },
    imagePullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
    rootPasswordSecretKeyRef: ref('secretKeyRef'),
    replicas: { type: 'integer', minimum: 1 },
    replication: strict({
      enabled: { type: 'boolean' },
      gtidStrictMode: { type: 'boolean' },
      primary: strict({
        podIndex: { type: 'integer', minimum: 0 },
        automaticFailover: { type: 'boolean' },
        automaticFailoverDelay: duration,
      }),
    }),
    storage: strict({
      size: quantity,
      storageClassName: { type: 'string' },
      resizeInUseVolumes: { type: 'boolean' },
      waitForVolumeResize: { type: 'boolean' },
    }, ['size']),
    updateStrategy: strict({ type: { enum: ['ReplicasFirstPrimaryLast', 'RollingUpdate', 'OnDelete', 'Never'] } }),
    affinity: strict({ antiAffinityEnabled: { type: 'boolean' } }),
    podDisruptionBudget: strict({
      maxUnavailable: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]+%$' }] },
      minAvailable: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]+%$' }] },
    }),
    resources: ref('resources'),
    myCnf: { type: 'string' },
  }, ['rootPasswordSecretKeyRef', 'storage'])),
  Database: resource('Database', strict({
    mariaDbRef: ref('mariaDbRef'),
    name: { type: 'string' },
    characterSet: { type: 'string' },
    collate: { type: 'string' },
    ...defs.sqlCommon,
  }, ['mariaDbRef'])),
  User: resource('User', strict({
    mariaDbRef: ref('mariaDbRef'),
    name: { type: 'string' },
    passwordSecretKeyRef: ref('secretKeyRef'),
    maxUserConnections: { type: 'integer', minimum: 0 },
    host: { type: 'string', maxLength: 255 },
    ...defs.sqlCommon,
  }, ['mariaDbRef'])),
  Grant: resource('Grant', strict({
    mariaDbRef: ref('mariaDbRef'),
    privileges: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Z][A-Z ]*$' } },
    database: { type: 'string' },
    table: { type: 'string' },
    username: { type: 'string', minLength: 1 },
    host: { type: 'string' },
    grantOption: { type: 'boolean' },
    ...defs.sqlCommon,
  }, ['mariaDbRef', 'privileges', 'username'])),
  Backup: resource('Backup', strict({
    mariaDbRef: ref('mariaDbRef'),
    schedule: strict({ cron: { type: 'string', minLength: 9 }, suspend: { type: 'boolean' } }, ['cron']),
    timeZone: { type: 'string' },
    maxRetention: duration,
    compression: { enum: ['none', 'gzip', 'bzip2'] },
    databases: { type: 'array', items: { type: 'string' } },
    storage: strict({ persistentVolumeClaim: ref('pvcSpec') }, ['persistentVolumeClaim']),
    args: { type: 'array', items: { type: 'string' } },
    resources: ref('resources'),
  }, ['mariaDbRef', 'storage'])),
};

const ajv = new Ajv({ allErrors: true, strict: true });
const compiled = new Map(Object.entries(SCHEMAS).map(([kind, schema]) => [kind, ajv.compile(schema)]));

// The validate function for a mariadb-operator kind, or null for anything else.
export function crdValidator(apiVersion, kind) {
  if (apiVersion !== GROUP_VERSION) return null;
  return compiled.get(kind) ?? (() => {
    const fail = () => false;
    fail.errors = [{ instancePath: '/kind', message: `no schema for ${GROUP_VERSION} ${kind} in crd_schemas.mjs` }];
    return fail;
  })();
}
