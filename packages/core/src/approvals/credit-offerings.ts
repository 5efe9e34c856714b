import {
  type ApprovalDates,
  type CreditSaleTerms,
  creditSaleTerms,
} from '../authoring/approval-status';
import type { CreditOffering } from '../catalog/load-course-parts';

type SaleCredit = ApprovalDates & { body: string; bodyName: string | null };

export type CreditOfferingForSale<Offering extends SaleCredit = CreditOffering> = Offering &
  CreditSaleTerms;

/**
 * A published version's credit as a buyer sees it today: each approval with its status, whether
 * it is still included, and the notice a buyer must read (expired, ends before a typical learner
 * could finish, not valid yet). Pure: the catalog loads the offerings in batches.
 */
export function creditOfferingsForSale<Offering extends SaleCredit>(
  offerings: readonly Offering[],
  instructionalMinutes: number,
  today: Date = new Date(),
): CreditOfferingForSale<Offering>[] {
  return offerings.map((offering) => ({
    ...offering,
    ...creditSaleTerms(offering, instructionalMinutes, today),
  }));
}

/** The notices of a version's credit, in offering order (empty when there is nothing to say). */
export function creditNotices(
  offerings: readonly SaleCredit[],
  instructionalMinutes: number,
  today: Date = new Date(),
): string[] {
  return creditOfferingsForSale(offerings, instructionalMinutes, today)
    .map((offering) => offering.notice)
    .filter((notice): notice is string => notice !== null);
}

/**
 * The name a course is sold under: its title, plus "(without AAPC credit)" for each body whose
 * approval expired, so the hosted checkout page and the receipt never sell expired credit.
 */
export function saleItemName(
  title: string,
  offerings: readonly CreditOfferingForSale<SaleCredit>[],
): string {
  const lapsed = [
    ...new Set(
      offerings
        .filter((offering) => !offering.available)
        .map((offering) => offering.bodyName ?? offering.body),
    ),
  ];
  return lapsed.length === 0 ? title : `${title} (without ${lapsed.join(' or ')} credit)`;
}
