// AuditService.ListAuditEvents and the audited methods (docs/access-policy.md, "Audited: yes").
import { get } from './api.js';
import { PAGE_SIZE } from './directory.js';

export const AUDITED_METHODS = [
  '/kinerja.v1.DirectoryService/CreateOpd',
  '/kinerja.v1.DirectoryService/CreateUnit',
  '/kinerja.v1.DirectoryService/CreatePosition',
  '/kinerja.v1.DirectoryService/UpdatePosition',
  '/kinerja.v1.DirectoryService/CreateEmployee',
  '/kinerja.v1.DirectoryService/TransferEmployee',
  '/kinerja.v1.DirectoryService/ImportEmployees',
  '/kinerja.v1.DirectoryService/CreateActingAssignment',
  '/kinerja.v1.IdentityService/ChangePassword',
  '/kinerja.v1.IdentityService/ResetPassword',
  '/kinerja.v1.IdentityService/GrantRole',
  '/kinerja.v1.IdentityService/RevokeRole',
  '/kinerja.v1.IdentityService/CreateSystemAccount',
  '/kinerja.v1.IdentityService/CreateApiKey',
  '/kinerja.v1.IdentityService/RevokeApiKey',
  '/kinerja.v1.IdentityService/RegisterClientCertificate',
];

/** "/kinerja.v1.DirectoryService/TransferEmployee" -> "TransferEmployee". */
export const shortMethod = (method) => String(method || '').split('/').pop();

/** filters: {actor, method, resourcePrefix, startTime, endTime} (ListAuditEventsRequest). */
export async function auditPage(filters, pageToken) {
  const r = await get('/v1/auditEvents', { ...filters, pageSize: PAGE_SIZE, pageToken });
  return { items: r.auditEvents ?? [], nextPageToken: r.nextPageToken };
}
