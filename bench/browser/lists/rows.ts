/** One line of the partner's dashboard, as its own query returned it. */
export interface DashboardRow {
  activityIdentifier: string;
  title: string;
  completed: boolean;
}

export function dashboardRows(count: number, firstId = 1): DashboardRow[] {
  return Array.from({ length: count }, (_, index) => ({
    activityIdentifier: `appointment_id=${firstId + index}`,
    title: `Follow-up call ${firstId + index}`,
    completed: false,
  }));
}
