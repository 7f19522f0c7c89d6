// What the signed-in account may see in the console, from its role grants (docs/access-policy.md).
// The server decides every call; this only keeps the navigation to what the person can use.

/** Capabilities of an Account JSON ({nip, roleGrants: [{role, opd}]}). */
export function capabilitiesOf(account) {
  const grants = Array.isArray(account?.roleGrants) ? account.roleGrants : [];
  const has = (role) => grants.some((g) => g.role === role);
  const opdCodes = [
    ...new Set(
      grants
        .filter((g) => (g.role === 'OPD_HEAD' || g.role === 'OPD_OPERATOR') && g.opd)
        .map((g) => g.opd),
    ),
  ].sort();
  const opdHeadCodes = [...new Set(grants.filter((g) => g.role === 'OPD_HEAD' && g.opd).map((g) => g.opd))].sort();
  const isAdmin = has('BKPP_ADMIN');
  const isEvaluator = has('EVALUATOR');
  return {
    nip: account?.nip ?? '',
    isAdmin,
    isEvaluator,
    opdCodes,
    // ListOpds, ListUnits, ListPositions: any signed-in person; shown to those whose work needs it.
    directory: isAdmin || isEvaluator || opdCodes.length > 0,
    // ListEmployees: BKPP admin city-wide, OPD roles within their OPDs.
    employeeSearch: isAdmin || opdCodes.length > 0,
    allOpds: isAdmin,
    transfer: isAdmin,
    audit: isAdmin,
    // SkpService (docs/access-policy.md). Everyone has an own plan; anyone may have subordinates.
    skpDashboard: isAdmin || isEvaluator || opdCodes.length > 0, // GetOpdSkpSummary
    skpDashboardAllOpds: isAdmin || isEvaluator,
    setOrganizationPredikat: isAdmin || isEvaluator,
    finalizeOpds: isAdmin ? 'all' : opdHeadCodes, // FinalizeOpdSkps: BKPP admin, OPD head
  };
}

/** True when the person may finalize the SKPs of `opd` (BKPP admin, or OPD head of it). */
export function mayFinalize(caps, opd) {
  return caps.finalizeOpds === 'all' || (Array.isArray(caps.finalizeOpds) && caps.finalizeOpds.includes(opd));
}

/** True when the capabilities let the person open employees of `opd` (by OPD role or city-wide). */
export function reachesOpd(caps, opd) {
  return caps.allOpds || caps.opdCodes.includes(opd);
}
