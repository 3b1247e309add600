// What a partner ships to toggle an activity with SuperOffice's own client: its appointment
// agent, axios and everything they pull in.
import { AppointmentAgent } from '@superoffice/webapi';

export function toggleActivity(baseUrl, token, activityIdentifier) {
  const agent = new AppointmentAgent(baseUrl, { headers: { Authorization: `Bearer ${token}` } });
  return agent.toggleActivityAsync(activityIdentifier);
}
