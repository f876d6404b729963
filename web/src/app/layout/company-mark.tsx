import type { CompanySettings } from '@innenhof/contract';

/** Company logo (or a generated letter mark) and name. */
export function CompanyMark({ company, large, hideNameOnPhones }: { company: CompanySettings | undefined; large?: boolean; hideNameOnPhones?: boolean }) {
  const name = company?.companyName || 'Innenhof';
  return (
    <span className={`company-mark${large ? ' company-mark--large' : ''}`}>
      {company?.logoUrl ? (
        <img className="company-mark__logo" src={company.logoUrl} alt="" />
      ) : (
        <span className="company-mark__letter" aria-hidden="true">
          {name.trim().charAt(0).toUpperCase() || 'I'}
        </span>
      )}
      <span className={`company-mark__name${hideNameOnPhones ? ' hide-on-phone' : ''}`}>{name}</span>
    </span>
  );
}
