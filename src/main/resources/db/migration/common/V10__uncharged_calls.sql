-- A call's charge is added to the monthly spend once per import step run, in one transaction
-- after the last chunk. A run that fails before that leaves calls stored but not charged, and
-- an edited file imported later finds them stored ("duplicates"): their charge would be lost.
-- Each run of the import step is therefore a charge batch: its calls carry the batch, and the
-- batch is listed here, in the same transaction as its first calls, until its charges are in
-- the monthly spend. The next import adds every listed batch, whichever import stored it.
ALTER TABLE cdr ADD COLUMN charge_batch BIGINT;

CREATE TABLE uncharged_batch (
    charge_batch  BIGINT NOT NULL PRIMARY KEY,
    import_id     BIGINT NOT NULL
);
