// Sign-in, sign-out, the caller's account and the change of password, over the gateway's cookie
// session (POST /auth/login and /auth/logout) and IdentityService.
import { ApiError, get, post } from './api.js';

/** POST /auth/login: {mustChangePassword, expireTime, account}. Rejects with ApiError (401, 429, 400). */
export function signIn(nip, password) {
  return post('/auth/login', { nip, password }, { handle401: true });
}

/** POST /auth/logout: ends the session and clears the cookies. */
export function signOut() {
  return post('/auth/logout', {}, { handle401: true });
}

/** GET /v1/me: the Account with roleGrants. With handle401 a 401 only rejects. */
export function fetchMyAccount(options) {
  return get('/v1/me', undefined, options);
}

/**
 * POST /v1/me:changePassword. The server answers 401 both for a wrong current password and for an
 * ended session; a second look at /v1/me tells them apart. Rejects with ApiError; a wrong current
 * password has `wrongCurrentPassword` set.
 */
export async function changePassword(currentPassword, newPassword) {
  try {
    return await post('/v1/me:changePassword', { currentPassword, newPassword }, { handle401: true });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      await fetchMyAccount(); // a 401 here goes to the global handler: the session ended
      err.wrongCurrentPassword = true;
    }
    throw err;
  }
}
