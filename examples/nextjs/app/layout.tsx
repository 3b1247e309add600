import type { ReactNode } from 'react';
import 'superoffice-activity-react/styles.css';

export const metadata = { title: 'Activities · superoffice-activity-react on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
