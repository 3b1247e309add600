import type { ActivityStatus } from '../../src/index.js';

/** A row of a partner's dashboard: what its own data says about one SuperOffice activity. */
export interface DemoActivity {
  activityIdentifier: string;
  title: string;
  kind: 'Appointment' | 'Sale' | 'Document';
  status: ActivityStatus;
}

const SUBJECTS = [
  'Call Anna Berg about the renewal',
  'Nordic Foods: 40 licences',
  'Signed contract, Fjord Shipping',
  'Quarterly review with Lumen AS',
  'Demo for Polar Analytics',
  'Offer letter to Kvist & Co',
  'Follow up on support case 1182',
  'Upsell: Fjord Shipping mobile',
  'Minutes from the steering group',
  'Lunch with Jonas Eklund',
];
const KINDS = [
  { kind: 'Appointment', prefix: 'appointment_id', open: 'NotStarted' },
  { kind: 'Sale', prefix: 'sale_id', open: 'Started' },
  { kind: 'Document', prefix: 'document_id', open: 'NotStarted' },
] as const;

/**
 * `count` made-up activities of all three kinds, about a quarter of them completed. The same
 * input always gives the same rows, so stories and their play functions agree.
 *
 * @example
 * demoActivities(50)[0]; // { activityIdentifier: 'appointment_id=1001', title: 'Call Anna…', … }
 */
export function demoActivities(count: number): DemoActivity[] {
  return Array.from({ length: count }, (_, index) => {
    const { kind, prefix, open } = KINDS[index % KINDS.length] ?? KINDS[0];
    const subject = SUBJECTS[index % SUBJECTS.length] ?? 'Activity';
    return {
      activityIdentifier: `${prefix}=${1001 + index}`,
      title: `${subject} (#${index + 1})`,
      kind,
      status: index % 4 === 1 ? 'Completed' : open,
    };
  });
}

/** The fake WebAPI's seed for those rows: the server agrees with the dashboard at first. */
export function seedsFor(activities: DemoActivity[]): Record<string, ActivityStatus> {
  return Object.fromEntries(activities.map((row) => [row.activityIdentifier, row.status]));
}
