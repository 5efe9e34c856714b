-- CEU renewal rules (issue 9, defect 12).

-- A rule may cap what one category counts toward the cycle (AHIMA limits some kinds of
-- activity), and a credential's own row may ask for a minimum in its own category (AAPC's
-- specialty credentials). Both optional: admins enter the bodies' current figures.
ALTER TABLE "CeuRequirement"
  ADD COLUMN "capCeus" DECIMAL(6,2),
  ADD COLUMN "capCategory" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "credentialMinimum" DECIMAL(6,2);

-- AHIMA's CHPS, CHDA and CDIP need 30 CEUs per 2-year cycle (they fell back to the body's 20).
INSERT INTO "CeuRequirement" ("body", "credential", "effectiveFrom", "cycleMonths", "cycleAnchor", "baseCeus", "additionalCeus", "maxAdditional", "coreMinimum", "note") VALUES
  ('AHIMA', 'CHPS', '2000-01-01', 24, 'CERTIFICATION_DATE', 30, 10, NULL, NULL, 'AHIMA CHPS: 30 CEUs per 2-year cycle.'),
  ('AHIMA', 'CHDA', '2000-01-01', 24, 'CERTIFICATION_DATE', 30, 10, NULL, NULL, 'AHIMA CHDA: 30 CEUs per 2-year cycle.'),
  ('AHIMA', 'CDIP', '2000-01-01', 24, 'CERTIFICATION_DATE', 30, 10, NULL, NULL, 'AHIMA CDIP: 30 CEUs per 2-year cycle.')
ON CONFLICT ("body", "credential", "effectiveFrom") DO NOTHING;
