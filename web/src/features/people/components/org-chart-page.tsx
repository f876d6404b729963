import type { OrgNode } from '@innenhof/contract';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { IconChevronRight } from '../../../components/ui/icons.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useOrgChart } from '../api/get-org-chart.ts';

const route = getRouteApi('/_app/people/org-chart');

/** Orders the chain from the top of the company down to the focused person. */
function topDown(chain: OrgNode[], focusId: string | undefined): OrgNode[] {
  if (chain.length < 2) return chain;
  return chain[0]?.id === focusId ? [...chain].reverse() : chain;
}

export function OrgChartPage() {
  const { t } = useTranslation('people');
  const { managerId } = route.useSearch();
  const chart = useOrgChart(managerId ?? null);
  const chain = topDown(chart.data?.chain ?? [], managerId);
  const focus = managerId ? chain[chain.length - 1] : undefined;

  return (
    <div className="stack">
      <PageHeader title={t('orgChart.title')}>
        <p className="muted">{t('orgChart.lead')}</p>
      </PageHeader>
      {managerId ? (
        <nav aria-label={t('orgChart.breadcrumbs')} className="breadcrumbs">
          <ol>
            <li>
              <Link to="/people/org-chart" search={{}}>
                {t('orgChart.top')}
              </Link>
            </li>
            {chain.map((node, index) => (
              <li key={node.id}>
                {index === chain.length - 1 ? (
                  <span aria-current="page">{node.name}</span>
                ) : (
                  <Link to="/people/org-chart" search={{ managerId: node.id }}>
                    {node.name}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="card">
        {chart.isPending ? <Spinner /> : null}
        {chart.isError ? <Alert tone="error">{errorMessage(t, chart.error)}</Alert> : null}
        {chart.isSuccess && !focus && chart.data.items.length === 0 ? <p className="muted">{t('orgChart.empty')}</p> : null}
        {chart.isSuccess ? (
          <ul className="org-tree" aria-label={t('orgChart.title')}>
            {focus ? (
              <OrgTreeItem node={focus} initiallyOpen initialChildren={chart.data.items} />
            ) : (
              chart.data.items.map((node) => <OrgTreeItem key={node.id} node={node} />)
            )}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

function OrgTreeItem({ node, initiallyOpen = false, initialChildren }: { node: OrgNode; initiallyOpen?: boolean; initialChildren?: OrgNode[] }) {
  const { t } = useTranslation('people');
  const [open, setOpen] = useState(initiallyOpen);
  const groupId = useId();
  const hasReports = node.reportCount > 0;
  const children = useOrgChart(node.id, open && hasReports && !initialChildren);
  const reports = initialChildren ?? children.data?.items ?? [];

  return (
    <li className="org-tree__item">
      <div className="org-node">
        {hasReports ? (
          <button type="button" className="icon-button org-node__toggle" aria-expanded={open} aria-controls={groupId} onClick={() => setOpen((o) => !o)}>
            <IconChevronRight className={open ? 'rotate-90' : undefined} width={18} height={18} />
            <span className="visually-hidden">{open ? t('orgChart.collapse', { name: node.name }) : t('orgChart.expand', { name: node.name })}</span>
          </button>
        ) : (
          <span className="org-node__spacer" />
        )}
        <Avatar user={node} size="sm" alt="" />
        <div className="org-node__text">
          <Link to="/people/$id" params={{ id: node.id }} className="org-node__name">
            {node.name}
          </Link>
          <span className="org-node__sub">{[node.jobTitle, node.department].filter(Boolean).join(' · ')}</span>
        </div>
        {hasReports ? (
          <Link to="/people/org-chart" search={{ managerId: node.id }} className="org-node__count">
            {t('orgChart.reports', { count: node.reportCount })}
            <span className="visually-hidden"> – {node.name}</span>
          </Link>
        ) : null}
      </div>
      {hasReports ? (
        <ul id={groupId} className="org-tree__group" hidden={!open}>
          {children.isPending && !initialChildren ? (
            <li>
              <Spinner />
            </li>
          ) : null}
          {reports.map((child) => (
            <OrgTreeItem key={child.id} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
