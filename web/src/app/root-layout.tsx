import { Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useCompany } from '../lib/session.ts';
import { applyAccent } from '../lib/theme.ts';

export function RootLayout() {
  const company = useCompany();
  const accent = company.data?.accentColor;
  useEffect(() => {
    applyAccent(accent);
  }, [accent]);
  return <Outlet />;
}
