/**
 * Who is asking, and what they may see. Authorisation lives here and only here; services call
 * these functions for every read and write. "Not allowed" is reported as "not found".
 */
import { AppError } from '../../shared/errors.ts';

export const ROLES = [
  'city_officer',
  'district_officer',
  'finance_officer',
  'bank_officer',
  'enterprise_user',
  'carrier_operator',
  'university',
  'judge',
  'penalty_agency',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  enterpriseId: number | null;
  carrierId: number | null;
  organisation: string | null;
}

/** How a principal's view of the enterprise registry is narrowed. */
export type EnterpriseScope =
  | { kind: 'all' }
  | { kind: 'unit'; unitCode: string }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'carrier'; carrierId: number }
  | { kind: 'none' };

export function enterpriseScope(p: Principal): EnterpriseScope {
  switch (p.role) {
    case 'city_officer':
    case 'finance_officer':
      return { kind: 'all' };
    case 'district_officer':
      return p.unitCode ? { kind: 'unit', unitCode: p.unitCode } : { kind: 'none' };
    case 'enterprise_user':
      return p.enterpriseId ? { kind: 'enterprise', enterpriseId: p.enterpriseId } : { kind: 'none' };
    case 'carrier_operator':
      // Residents' public facts only; contacts stay hidden (see canSeePersonalData).
      return p.carrierId ? { kind: 'carrier', carrierId: p.carrierId } : { kind: 'none' };
    default:
      // Banks see the key-service list (financing module), not the registry; admins manage
      // users and configuration, not business records.
      return { kind: 'none' };
  }
}

export function canReadRegistry(p: Principal): boolean {
  return enterpriseScope(p).kind !== 'none';
}

/** Who may create and edit enterprises, titles and residencies (within their scope). */
export function canWriteRegistry(p: Principal): boolean {
  return p.role === 'city_officer' || p.role === 'district_officer';
}

/** Enterprise users may edit their own contacts and yearly figures. */
export function canEditOwnEnterprise(p: Principal, enterpriseId: number): boolean {
  return p.role === 'enterprise_user' && p.enterpriseId === enterpriseId;
}

/** Titles are recognised by the province or MIIT and recorded by city officers only. */
export function canWriteTitles(p: Principal): boolean {
  return p.role === 'city_officer';
}

export function canWriteCarriers(p: Principal): boolean {
  return p.role === 'city_officer';
}

export function canReadCarriers(p: Principal): boolean {
  return ['city_officer', 'district_officer', 'finance_officer', 'carrier_operator'].includes(p.role);
}

/** Unmasked personal data: officers of the enterprise's own scope and the enterprise itself. */
export function canSeePersonalData(p: Principal): boolean {
  return p.role === 'city_officer' || p.role === 'district_officer' || p.role === 'enterprise_user';
}

export function canManageUsers(p: Principal): boolean {
  return p.role === 'admin';
}

/** Checks that a principal may write an enterprise in `unitCode`. */
export function assertUnitWritable(p: Principal, unitCode: string, field = 'unitCode'): void {
  if (p.role === 'city_officer') return;
  if (p.role === 'district_officer' && p.unitCode === unitCode) return;
  throw new AppError('forbidden', {
    fields: [
      {
        field,
        reason: {
          zh: `单位“${unitCode}”不在您的管辖范围内`,
          en: `unit '${unitCode}' is outside your jurisdiction`,
        },
      },
    ],
  });
}

export function ensure(cond: boolean): void {
  if (!cond) throw new AppError('not_found');
}

// ---------- cases (issue 4: from entitlement to money) ----------

/** What authorisation needs to know about a case: whose it is and which unit reviews it. */
export interface CaseParty {
  beneficiaryType: string;
  enterpriseId: number | null;
  carrierId: number | null;
  unitCode: string;
}

/** The enterprise user of the beneficiary enterprise, or the operator of the beneficiary carrier. */
export function isCaseBeneficiary(p: Principal, c: CaseParty): boolean {
  if (c.beneficiaryType === 'enterprise')
    return p.role === 'enterprise_user' && p.enterpriseId !== null && p.enterpriseId === c.enterpriseId;
  if (c.beneficiaryType === 'carrier')
    return p.role === 'carrier_operator' && p.carrierId !== null && p.carrierId === c.carrierId;
  return false;
}

/** A district officer of the unit that manages the beneficiary. */
export function isDistrictOfficerOf(p: Principal, unitCode: string): boolean {
  return p.role === 'district_officer' && p.unitCode === unitCode;
}

/** Who may see a case: city and finance officers, the district of the beneficiary, the beneficiary. */
export function canReadCase(p: Principal, c: CaseParty): boolean {
  return (
    p.role === 'city_officer' || p.role === 'finance_officer' || isDistrictOfficerOf(p, c.unitCode) || isCaseBeneficiary(p, c)
  );
}

/** Documents of an application are attached by the beneficiary itself (and read by whoever may read the case). */
export function canAttachCaseDocument(p: Principal, c: CaseParty): boolean {
  return isCaseBeneficiary(p, c);
}

/** The city publishes 公示, opens cases from entitlements, resolves objections. */
export function canManageNotices(p: Principal): boolean {
  return p.role === 'city_officer';
}

/** The finance bureau builds, approves and pays disbursement batches. */
export function canManageBatches(p: Principal): boolean {
  return p.role === 'finance_officer';
}

/** Anyone signed in for a business role may object to a 公示 (the city also records written objections). */
export function canFileObjection(p: Principal): boolean {
  // A business account without its unit, enterprise or carrier is misconfigured: it may not act.
  return enterpriseScope(p).kind !== 'none' && p.role !== 'finance_officer';
}

/** Case reports: city and finance see the city, a district officer their unit (scoped in the query). */
export function canSeeCaseReports(p: Principal): boolean {
  return p.role === 'city_officer' || p.role === 'finance_officer' || (p.role === 'district_officer' && p.unitCode !== null);
}

// ---------- credit repair (issue 12: 两书同达) ----------

/** What authorisation needs to know about a penalty decision. */
export interface CreditRecordParty {
  agencyId: number;
  enterpriseId: number | null;
  unitCode: string | null;
}

/**
 * How a principal's view of penalty decisions is narrowed: an agency sees its own decisions
 * (`agencyId` is the agency its user acts for, looked up by the credit service), an enterprise
 * its own records, a district officer the records of enterprises in the unit, the city all.
 */
export type CreditScope =
  | { kind: 'all' }
  | { kind: 'agency'; agencyId: number }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'unit'; unitCode: string }
  | { kind: 'none' };

export function creditScope(p: Principal, agencyId: number | null): CreditScope {
  switch (p.role) {
    case 'city_officer':
      return { kind: 'all' };
    case 'district_officer':
      return p.unitCode ? { kind: 'unit', unitCode: p.unitCode } : { kind: 'none' };
    case 'penalty_agency':
      return agencyId !== null ? { kind: 'agency', agencyId } : { kind: 'none' };
    case 'enterprise_user':
      return p.enterpriseId ? { kind: 'enterprise', enterpriseId: p.enterpriseId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

export function canReadCreditRecord(scope: CreditScope, r: CreditRecordParty): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'agency':
      return scope.agencyId === r.agencyId;
    case 'enterprise':
      return r.enterpriseId !== null && scope.enterpriseId === r.enterpriseId;
    case 'unit':
      return r.unitCode !== null && scope.unitCode === r.unitCode;
    default:
      return false;
  }
}

/** Registers decisions, records deliveries and decides repairs: the agency that issued the decision ("谁认定、谁修复"). */
export function isIssuingAgency(scope: CreditScope, r: Pick<CreditRecordParty, 'agencyId'>): boolean {
  return scope.kind === 'agency' && scope.agencyId === r.agencyId;
}

/** Applies for repair: the enterprise the record is about. */
export function isCreditParty(scope: CreditScope, r: Pick<CreditRecordParty, 'enterpriseId'>): boolean {
  return scope.kind === 'enterprise' && r.enterpriseId !== null && scope.enterpriseId === r.enterpriseId;
}

/** Compliance statistics: the city, a district for its unit, an agency for itself. */
export function canSeeCreditStatistics(scope: CreditScope): boolean {
  return scope.kind === 'all' || scope.kind === 'unit' || scope.kind === 'agency';
}

// ---------- financing (issue 8: key-service list, demands, responses, loans) ----------

/**
 * A financial institution's user (role bank_officer = 金融机构人员: banks, guarantee institutions,
 * insurers) acts for the one institution it belongs to (institution_members). Without one it sees
 * nothing. What it sees of enterprises is narrowed further by consent and the key-service list.
 */
export function isInstitutionUser(p: Principal, institutionId: number | null): institutionId is number {
  return p.role === 'bank_officer' && institutionId !== null;
}

/** Consent and demands are the enterprise's own decisions: only its own user makes them. */
export function canActForEnterprise(p: Principal, enterpriseId: number): boolean {
  return p.role === 'enterprise_user' && p.enterpriseId !== null && p.enterpriseId === enterpriseId;
}

/** Loans are recorded by the lender, a bank; guarantee institutions and insurers are named on the loan. */
export function canRecordLoans(p: Principal, institutionId: number | null, institutionKind: string | null): boolean {
  return isInstitutionUser(p, institutionId) && institutionKind === 'bank';
}

/** Officers who oversee financing: the city and finance bureau for the city, a district officer for their unit. */
export function financingOversight(p: Principal): { kind: 'all' } | { kind: 'unit'; unitCode: string } | null {
  if (p.role === 'city_officer' || p.role === 'finance_officer') return { kind: 'all' };
  if (p.role === 'district_officer' && p.unitCode) return { kind: 'unit', unitCode: p.unitCode };
  return null;
}

/**
 * Tier assessment (梯度培育库): the city officer sees the city, a district officer their unit, an
 * enterprise itself only; other roles see nothing (reported as not found).
 */
export function tierScope(p: Principal): EnterpriseScope {
  if (p.role === 'city_officer' || p.role === 'district_officer' || p.role === 'enterprise_user') return enterpriseScope(p);
  return { kind: 'none' };
}

// ---------- carrying out the measures (issue 13: 督办) ----------

/** A user's part in reporting: the responsible unit it acts for (responsible_unit_members). */
export interface MeasureMembership {
  unitId: number;
  kind: 'department' | 'group' | 'office';
}

/**
 * The measures' progress is government work, not personal data: the city's officers, the finance
 * bureau, district officers and every member of a responsible unit (and the general office) read
 * all of it. Writing is narrower (below).
 */
export function canReadMeasures(p: Principal, memberships: readonly MeasureMembership[]): boolean {
  return p.role === 'city_officer' || p.role === 'finance_officer' || p.role === 'district_officer' || memberships.length > 0;
}

/** A unit's report is written and submitted by the unit's own members. */
export function canReportForUnit(memberships: readonly MeasureMembership[], unitId: number): boolean {
  return memberships.some((m) => m.unitId === unitId && m.kind === 'department');
}

/** The general office (督办) accepts and returns reports and sends the overdue reminders. */
export function isGeneralOffice(memberships: readonly MeasureMembership[]): boolean {
  return memberships.some((m) => m.kind === 'office');
}

// ---------- events (issue 15: talent programme, matchmaking, exchange centre) ----------

/** The organising side of an event: the city for every event, a district officer for their unit's events. */
export function isEventOrganiser(p: Principal, e: { unitCode: string | null }): boolean {
  if (p.role === 'city_officer') return true;
  return p.role === 'district_officer' && p.unitCode !== null && p.unitCode === e.unitCode;
}

/** Who may create events: city officers (city events) and district officers (their unit's events). */
export function canCreateEvents(p: Principal): boolean {
  return p.role === 'city_officer' || (p.role === 'district_officer' && p.unitCode !== null);
}

/** Published, closed and cancelled events are public to every business role; drafts to organisers only. */
export function canReadEvent(p: Principal, e: { unitCode: string | null; status: string }): boolean {
  if (isEventOrganiser(p, e)) return true;
  return p.role !== 'admin' && e.status !== 'draft';
}

/** Enrolments are the enterprise's own decision: only its own user enrols, cancels, gives feedback. */
export function isEnrollingEnterprise(p: Principal, enterpriseId: number): boolean {
  return p.role === 'enterprise_user' && p.enterpriseId !== null && p.enterpriseId === enterpriseId;
}

/** A participant's full details: the organisers of the event and the enterprise itself; lists are masked for all. */
export function canSeeParticipant(p: Principal, e: { unitCode: string | null }, enterpriseId: number): boolean {
  return isEventOrganiser(p, e) || isEnrollingEnterprise(p, enterpriseId);
}

/** Event statistics: the city for the city, a district officer for enterprises of their unit. */
export function eventStatsScope(p: Principal): { kind: 'all' } | { kind: 'unit'; unitCode: string } | null {
  if (p.role === 'city_officer' || p.role === 'finance_officer') return { kind: 'all' };
  if (p.role === 'district_officer' && p.unitCode) return { kind: 'unit', unitCode: p.unitCode };
  return null;
}

// ---------- competition (issue 10: 创客济南) ----------

/** The organiser (市工信局): editions, stages, judges, assignment, ranking, publication, roadshows, investments. */
export function canOrganiseCompetition(p: Principal): boolean {
  return p.role === 'city_officer';
}

/**
 * Who sees which entries with their entrants' names: the organiser all, a district officer those of
 * the unit, an enterprise user its own. Judges never see entrants: only the blind project code.
 */
export type CompetitionScope =
  | { kind: 'all' }
  | { kind: 'unit'; unitCode: string }
  | { kind: 'entrant'; userId: number; enterpriseId: number | null }
  | { kind: 'none' };

export function competitionScope(p: Principal): CompetitionScope {
  if (p.role === 'city_officer') return { kind: 'all' };
  if (p.role === 'district_officer' && p.unitCode) return { kind: 'unit', unitCode: p.unitCode };
  if (p.role === 'enterprise_user' && p.enterpriseId) return { kind: 'entrant', userId: p.userId, enterpriseId: p.enterpriseId };
  return { kind: 'none' };
}

/** An enterprise registers itself (enterprise group); the organiser also enters registrations received on paper. */
export function canRegisterForCompetition(p: Principal): boolean {
  return (p.role === 'enterprise_user' && p.enterpriseId !== null) || p.role === 'city_officer';
}

/** A judge scores only the projects assigned to them (checked against the assignment row). */
export function isCompetitionJudge(p: Principal): boolean {
  return p.role === 'judge';
}

// ---------- intellectual property (issue 14: measures 一、（三） and 三、（十）) ----------

/**
 * IP records: the enterprise itself, the city (and finance bureau) and a district officer for
 * their unit read them; only the enterprise enters its own. Banks read the evaluation of an
 * enterprise only while it is on the key-service list sharing "ip" (checked in the ip service with
 * financing's `keyListMembers`).
 */
export function ipScope(p: Principal): EnterpriseScope {
  if (['city_officer', 'finance_officer', 'district_officer', 'enterprise_user'].includes(p.role)) return enterpriseScope(p);
  return { kind: 'none' };
}

export function canWriteIp(p: Principal, enterpriseId: number): boolean {
  return canActForEnterprise(p, enterpriseId);
}

/** Statistics of IP and of IP-pledge loans: officers of the city or a district (their unit). */
export function ipStatisticsScope(p: Principal): EnterpriseScope {
  if (p.role === 'city_officer' || p.role === 'finance_officer' || p.role === 'district_officer') return enterpriseScope(p);
  return { kind: 'none' };
}

// ---------- innovation services (issue 9: 揭榜 matching, large–small resource sharing) ----------

/**
 * Who sees what of the innovation catalogues. Both catalogues are published to be found, so every
 * business role of the service reads them; writes are narrowed: an enterprise user its own
 * demands, resources and requests; a university user its organisation's achievements and
 * applications; officers oversee (the city all, a district its unit's enterprises); a carrier
 * operator only reads. Contacts of an achievement are personal data: unmasked only to officers
 * and the owning organisation.
 */
export type InnovationRole =
  | { kind: 'officer'; unitCode: string | null }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'university'; organisation: string }
  | { kind: 'viewer' }
  | { kind: 'none' };

export function innovationRole(p: Principal): InnovationRole {
  if (p.role === 'city_officer') return { kind: 'officer', unitCode: null };
  if (p.role === 'district_officer') return p.unitCode ? { kind: 'officer', unitCode: p.unitCode } : { kind: 'none' };
  if (p.role === 'enterprise_user')
    return p.enterpriseId !== null ? { kind: 'enterprise', enterpriseId: p.enterpriseId } : { kind: 'none' };
  if (p.role === 'university') return p.organisation ? { kind: 'university', organisation: p.organisation } : { kind: 'none' };
  if (p.role === 'carrier_operator') return p.carrierId !== null ? { kind: 'viewer' } : { kind: 'none' };
  return { kind: 'none' };
}

/** Achievement contacts in full: officers and the owning organisation. */
export function canSeeAchievementContact(r: InnovationRole, owner: string): boolean {
  return r.kind === 'officer' || (r.kind === 'university' && r.organisation === owner);
}

/** Government support (政府助题) is recorded by the city's officers. */
export function canRecordInnovationSupport(r: InnovationRole): boolean {
  return r.kind === 'officer' && r.unitCode === null;
}

// ---------- scorecards (issue 11: district environment, digital level) ----------

/**
 * The district environment assessment: the city's officers see and enter everything and keep the
 * benchmark cities and weight sets; a district's officers see the ranking (it is the comparison
 * their appraisal uses) and their own district's detail, report and data entry; nobody else.
 */
export function scorecardScope(p: Principal): { kind: 'all' } | { kind: 'unit'; unitCode: string } | { kind: 'none' } {
  if (p.role === 'city_officer') return { kind: 'all' };
  if (p.role === 'district_officer' && p.unitCode) return { kind: 'unit', unitCode: p.unitCode };
  return { kind: 'none' };
}

export function canReadDistrictScorecard(p: Principal, unitCode: string): boolean {
  const s = scorecardScope(p);
  return s.kind === 'all' || (s.kind === 'unit' && s.unitCode === unitCode);
}

export function canEnterDistrictValues(p: Principal, unitCode: string): boolean {
  return canReadDistrictScorecard(p, unitCode);
}

export function canManageScorecards(p: Principal): boolean {
  return p.role === 'city_officer';
}

/** The digital-level questionnaire: an enterprise answers its own; officers read results in their scope. */
export function canAnswerDigitalQuestionnaire(p: Principal, enterpriseId: number): boolean {
  return p.role === 'enterprise_user' && p.enterpriseId === enterpriseId;
}

export function digitalStatsScope(p: Principal): EnterpriseScope {
  if (p.role === 'city_officer' || p.role === 'district_officer') return enterpriseScope(p);
  return { kind: 'none' };
}
