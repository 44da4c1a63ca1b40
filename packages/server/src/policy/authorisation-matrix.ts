import type { RouteAuth } from '../http/route.js';

/**
 * Who may call each endpoint: the one table the authorisation matrix test reads. Every route must be
 * here with the auth it declares, so a new endpoint cannot ship without a decision written down.
 */
export const AUTHORISATION_MATRIX: Readonly<Record<string, RouteAuth>> = {
  // Anyone
  getHealth: 'public',
  getOpenApi: 'public',
  signIn: 'public',
  // Anyone signed in: their own account
  signOut: 'signed-in',
  getMe: 'signed-in',
  changePassword: 'signed-in',
  startTotp: 'signed-in',
  confirmTotp: 'signed-in',
  listTokens: 'signed-in',
  createToken: 'signed-in',
  revokeToken: 'signed-in',
  listAgencies: 'signed-in',
  getAgency: 'signed-in',
  listGroups: 'signed-in',
  getJob: 'signed-in',
  // Data, filtered by agency and sharing
  listDatasets: 'data:read',
  getDataset: 'data:read',
  getStats: 'data:read',
  listEntities: 'data:read',
  getEntity: 'data:read',
  listEntityStatements: 'data:read',
  graphNeighbourhood: 'data:read',
  graphPaths: 'data:read',
  graphCommunities: 'data:read',
  graphCentrality: 'data:read',
  graphFlows: 'data:read',
  graphPatterns: 'data:read',
  listMatches: 'data:read',
  getMatchPair: 'data:read',
  getIdentity: 'data:read',
  match: 'data:search',
  compare: 'data:search',
  exportFtm: 'data:export',
  importFtm: 'data:write',
  importTable: 'data:write',
  xrefDataset: 'data:write',
  judgeMatch: 'matches:judge',
  // Administration
  createDataset: 'datasets:manage',
  getSharing: 'datasets:manage',
  shareDataset: 'datasets:manage',
  withdrawSharing: 'datasets:manage',
  listUsers: 'users:manage-agency',
  createUser: 'users:manage-agency',
  updateUser: 'users:manage-agency',
  resetPassword: 'users:manage-agency',
  createAgency: 'hub:manage',
  addToGroup: 'hub:manage',
  removeFromGroup: 'hub:manage',
  matchIndexStatus: 'hub:manage',
  listAudit: 'audit:read',
  exportAudit: 'audit:read',
};
